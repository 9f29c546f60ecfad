package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.Text;
import com.miniwms.salesorders.imports.read.Cell;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    @Test
    void textIsCleanedExactlyAsTheDomainCleansText() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'B', '1', ' ', ' ', ' ', '\t', '\n', '\r', '\u00A0', '\u2003', '\u3000', '\u001F',
                '\u0001', '\u0085', '\u202F', 'é'};
        for (int i = 0; i < 50_000; i++) {
            char[] chars = new char[random.nextInt(12)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(chars);
            assertThat(CellValues.text(Cell.text(value))).as("'%s'", value).isEqualTo(Text.clean(value));
        }
    }

    @Test
    void positiveWholeNumbersInAnyNotation() {
        assertThat(CellValues.positiveWhole(Cell.text("7"))).isEqualTo(7);
        assertThat(CellValues.positiveWhole(Cell.text("007"))).isEqualTo(7);
        assertThat(CellValues.positiveWhole(Cell.text("1,000"))).isEqualTo(1000);
        assertThat(CellValues.positiveWhole(Cell.text("3.0"))).isEqualTo(3);
        assertThat(CellValues.positiveWhole(Cell.text("999999999"))).isEqualTo(999_999_999);
        assertThat(CellValues.positiveWhole(Cell.text("2147483647"))).isEqualTo(Integer.MAX_VALUE);
        for (String bad : new String[]{"0", "000", "-1", "2.5", "2147483648", "lots"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CellValues.positiveWhole(Cell.text(bad)))
                    .as(bad).isInstanceOf(CellValues.CellException.class);
        }
    }
}
