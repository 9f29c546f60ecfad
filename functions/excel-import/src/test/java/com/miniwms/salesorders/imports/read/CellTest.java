package com.miniwms.salesorders.imports.read;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CellTest {

    @Test
    void plainDecimalTextOfXlsxNumbers() {
        assertThat(Cell.plain("1.628437592043E12")).isEqualTo("1628437592043");
        assertThat(Cell.plain("5.0")).isEqualTo("5");
        assertThat(Cell.plain("12.50")).isEqualTo("12.5");
        assertThat(Cell.plain("0.0")).isEqualTo("0");
        assertThat(Cell.plain("007.10")).isEqualTo("7.1");
        assertThat(Cell.plain("-0.0")).isEqualTo("0");
        assertThat(Cell.plain("1E-3")).isEqualTo("0.001");
        assertThat(Cell.plain("42")).isEqualTo("42");
    }

    @Test
    void smallWholeNumbersAreOrdinaryNumberCells() {
        for (String raw : new String[]{"0", "7", "7.0", "7.", "42.000", "999", "1000", "0.0", "00", "07", "-7", ".7"}) {
            assertThat(Cell.numberOf(raw, false)).as(raw).isEqualTo(Cell.number(byBigDecimal(raw), false));
        }
        assertThat(Cell.numberOf("7.0", true)).isEqualTo(Cell.number("7", true));
    }

    @Test
    void plainAgreesWithBigDecimalOnEveryShapeOfNumber() {
        Random random = new Random(42);
        String[] shapes = {"D", "D.D", "0.D", "D.0", "-D.D", "0D", "D.00", "D.DE+X", "D.DE-X", "DEX", ".D", "D.", "0D.D", "D.D0"};
        for (int i = 0; i < 20_000; i++) {
            String shape = shapes[random.nextInt(shapes.length)];
            StringBuilder raw = new StringBuilder();
            for (char c : shape.toCharArray()) {
                if (c == 'X') {
                    raw.append(random.nextInt(30));
                } else if (c == 'D') {
                    int digits = 1 + random.nextInt(6);
                    for (int d = 0; d < digits; d++) {
                        raw.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
                    }
                } else {
                    raw.append(c);
                }
            }
            String text = raw.toString();
            assertThat(Cell.plain(text)).as(text).isEqualTo(byBigDecimal(text));
            assertThat(Cell.numberOf(text, false)).as(text).isEqualTo(Cell.number(byBigDecimal(text), false));
            assertThat(Cell.numberOf(text, true)).as(text).isEqualTo(Cell.number(byBigDecimal(text), true));
        }
    }

    /** The rule plain follows: the exact value without trailing zeros, never in scientific notation. */
    private static String byBigDecimal(String raw) {
        if (raw.indexOf('E') < 0 && raw.indexOf('e') < 0 && raw.indexOf('.') < 0) {
            return raw;
        }
        BigDecimal value = new BigDecimal(raw).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
