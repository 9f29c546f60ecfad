package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.imports.read.Cell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    @Test
    void textCellsAreCleanedAndBlankOnesAreNothing() {
        assertThat(CellValues.text(Cell.text("  Jane   Smith "))).isEqualTo("Jane Smith");
        assertThat(CellValues.text(Cell.text(" \u00A0 "))).isNull();
        assertThat(CellValues.text(null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CellValues.text(
                new Cell(Cell.Kind.ERROR, "#REF!", false))).hasMessageContaining("#REF!");
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
