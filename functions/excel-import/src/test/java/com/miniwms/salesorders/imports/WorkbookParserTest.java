package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.SalesOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbookParserTest {
    @TempDir
    Path dir;

    private ParsedWorkbook parse(Workbooks workbook, boolean xls) throws IOException {
        return WorkbookParser.parse(workbook.write(dir, xls ? "w.xls" : "w.xlsx"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void documentedColumnNamesWorkInAnyCase(boolean xls) throws IOException {
        Workbooks wb = (xls ? Workbooks.xls() : Workbooks.xlsx())
                .rows("salesorder", "SO_NUM", " Ship_To_Name ", "ship_addr1", "ship_Addr2", "ship_addr3", "ship_city",
                        "ship_state", "ship_zippostcode", "Country", "ship_phone", "ship_email")
                .rows("salesorder", "so1", "Ann Lee", "1 High St", null, null, "Leeds", null, "LS1 1AA", "USA",
                        "555 0100", "ann@example.com")
                .rows("salesorderline", "so_num", "line_num", "ITM_NUM", "qty_ordered")
                .rows("salesorderline", "SO1", 1, "A-1", 2);
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.errors()).isEmpty();
        SalesOrder order = parsed.valid().get(0).order();
        assertThat(order.orderNumber()).isEqualTo("SO1");
        assertThat(order.shipTo().address1()).isEqualTo("1 High St");
        assertThat(order.shipTo().postcode()).isEqualTo("LS1 1AA");
        assertThat(order.shipTo().country()).isEqualTo("US");
        assertThat(order.lines()).extracting(OrderLine::sku).containsExactly("A-1");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void itemNumbersStayExactlyTheDigitsWhetherStoredAsNumberOrText(boolean xls) throws IOException {
        Workbooks wb = Workbooks.standard(xls).order("S1", "A")
                .line("S1", 1, 1628437592043L, 1)
                .line("S1", 2, "7026814395746", 1)
                .line("S1", 3, 12345.0, 1);
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.valid().get(0).order().lines()).extracting(OrderLine::sku)
                .containsExactly("1628437592043", "7026814395746", "12345");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void numbersStoredAsTextAndTextStoredAsNumbersBothWork(boolean xls) throws IOException {
        Workbooks wb = Workbooks.standard(xls)
                .rows("salesorder", "S1", "A", null, null, null, null, null, 12345, "GB", 4420123456L, null)
                .line("S1", "1", "X", " 5 ")
                .line("S1", 2.0, "Y", "3.0");
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.errors()).isEmpty();
        SalesOrder order = parsed.valid().get(0).order();
        assertThat(order.shipTo().postcode()).isEqualTo("12345");
        assertThat(order.shipTo().phone()).isEqualTo("4420123456");
        assertThat(order.lines()).extracting(OrderLine::lineNumber, OrderLine::quantityOrdered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 5), org.assertj.core.groups.Tuple.tuple(2, 3));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void textIsTrimmedAndRunsOfSpacesCollapsed(boolean xls) throws IOException {
        Workbooks wb = Workbooks.standard(xls)
                .rows("salesorder", " s1 ", "  Ann   Lee ", "  1   High St", null, null, null, null, null, " UK ")
                .line(" s1", 1, "  SKU 1 ", 1);
        SalesOrder order = parse(wb, xls).valid().get(0).order();
        assertThat(order.orderNumber()).isEqualTo("S1");
        assertThat(order.shipTo().name()).isEqualTo("Ann Lee");
        assertThat(order.shipTo().address1()).isEqualTo("1 High St");
        assertThat(order.shipTo().country()).isEqualTo("GB");
        assertThat(order.lines().get(0).sku()).isEqualTo("SKU 1");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void blankAndFormattedButEmptyRowsAreSkipped(boolean xls) throws IOException {
        Workbooks wb = Workbooks.standard(xls).order("S1", "A")
                .rows("salesorder", "", "  ", null)
                .rows("salesorder", new Workbooks.Formatted(), new Workbooks.Formatted())
                .order("S2", "B")
                .line("S1", 1, "X", 1)
                .rows("salesorderline", new Workbooks.Formatted(), " ")
                .line("S2", 1, "Y", 1);
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.valid()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void datesAsExcelDatesOrIsoTextAndFormulaCellsGiveTheirCachedValue(boolean xls) throws IOException {
        Workbooks wb = (xls ? Workbooks.xls() : Workbooks.xlsx())
                .rows("salesorder", "so_num", "ship_to_name", "order_date", "currency", "notes")
                .rows("salesorder", "S1", "A", LocalDate.of(2026, 3, 31), "gbp", "ring twice")
                .rows("salesorder", "S2", new Workbooks.Formula("\"Bo\"&\" Li\""), "2026-04-01", "EUR")
                .rows("salesorderline", "so_num", "line_number", "item_number", "qty_ordered", "unit_price",
                        "item_description")
                .rows("salesorderline", "S1", 1, "X", new Workbooks.Formula("2*3"), 9.9, "Widget")
                .rows("salesorderline", "S2", 1, "Y", 1, "12.50");
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.errors()).isEmpty();
        SalesOrder first = parsed.valid().get(0).order();
        SalesOrder second = parsed.valid().get(1).order();
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(first.currency()).isEqualTo("GBP");
        assertThat(first.notes()).isEqualTo("ring twice");
        assertThat(first.lines().get(0).quantityOrdered()).isEqualTo(6);
        assertThat(first.lines().get(0).unitPrice()).isEqualByComparingTo("9.9");
        assertThat(first.lines().get(0).description()).isEqualTo("Widget");
        assertThat(second.shipTo().name()).isEqualTo("Bo Li");
        assertThat(second.orderDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(second.lines().get(0).unitPrice()).isEqualByComparingTo(new BigDecimal("12.50"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theLineSheetMayComeBeforeTheHeaderSheet(boolean xls) throws IOException {
        Workbooks wb = (xls ? Workbooks.xls() : Workbooks.xlsx())
                .rows("salesorderline", (Object[]) Workbooks.SAMPLE_LINE_HEADERS)
                .line("S1", 1, "X", 2)
                .line("S2", 1, "Y", "lots")
                .line("S1", 2, "Z", 1)
                .line("S9", 1, "W", 1)
                .rows("salesorder", (Object[]) Workbooks.SAMPLE_HEADERS)
                .order("S1", "A")
                .order("S2", "B");
        ParsedWorkbook parsed = parse(wb, xls);
        assertThat(parsed.valid()).singleElement().satisfies(p -> {
            assertThat(p.order().orderNumber()).isEqualTo("S1");
            assertThat(p.order().lines()).extracting(OrderLine::sku).containsExactly("X", "Z");
            assertThat(p.headerRow()).isEqualTo(2);
            assertThat(p.lineRows()).containsExactly(2, 4);
        });
        assertThat(parsed.errors()).extracting(ImportError::sheet, ImportError::row, ImportError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("salesorderline", 3, "qty_ordered"),
                        org.assertj.core.groups.Tuple.tuple("salesorderline", 5, "so_num"));
        assertThat(parsed.rejectedHeaderRows()).containsExactly(3);
        assertThat(parsed.rejectedLineRows()).containsExactly(3, 5);
    }

    @Test
    void unknownColumnsAreWarningsNotErrors() throws IOException {
        Workbooks wb = Workbooks.xlsx()
                .rows("salesorder", "so_num", "ship_to_name", "wave", "total lines")
                .rows("salesorder", "S1", "A", "W1", 1)
                .rows("salesorderline", "so_num", "line_number", "item_number", "qty_ordered")
                .rows("salesorderline", "S1", 1, "X", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.valid()).hasSize(1);
        assertThat(parsed.warnings()).hasSize(2).allMatch(w -> w.contains("salesorder") && w.contains("not used"));
    }

    @Test
    void quantitiesThatAreNotPositiveWholeNumbersRejectTheWholeOrderNamingEachCell() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").order("S2", "B")
                .line("S1", 1, "X", 2.5)
                .line("S1", 2, "Y", 0)
                .line("S1", 3, "Z", -1)
                .line("S1", 4, "W", "lots")
                .line("S1", 5, "V", 3)
                .line("S2", 1, "X", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.valid()).extracting(p -> p.order().orderNumber()).containsExactly("S2");
        assertThat(parsed.rejectedOrders()).isEqualTo(1);
        assertThat(parsed.errors()).extracting(ImportError::sheet, ImportError::row, ImportError::column,
                        ImportError::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("salesorderline", 2, "qty_ordered", "2.5"),
                        org.assertj.core.groups.Tuple.tuple("salesorderline", 3, "qty_ordered", "0"),
                        org.assertj.core.groups.Tuple.tuple("salesorderline", 4, "qty_ordered", "-1"),
                        org.assertj.core.groups.Tuple.tuple("salesorderline", 5, "qty_ordered", "lots"));
        assertThat(parsed.errors().get(0).message()).contains("whole number");
        assertThat(parsed.rejectedHeaderRows()).containsExactly(2);
        assertThat(parsed.rejectedLineRows()).containsExactly(2, 3, 4, 5, 6);
    }

    @Test
    void linesOfAnOrderMissingFromTheHeaderSheetAreErrors() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1).line("S9", 1, "Y", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.valid()).hasSize(1);
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isEqualTo("salesorderline");
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("so_num");
            assertThat(e.value()).isEqualTo("S9");
            assertThat(e.message()).contains("not in sheet 'salesorder'");
        });
    }

    @Test
    void duplicateLineNumbersAreErrorsOnTheSecondRow() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").line("S1", 1, "X", 1).line("S1", 1, "Y", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.valid()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("line_number");
            assertThat(e.value()).isEqualTo("1");
            assertThat(e.message()).contains("used twice");
        });
    }

    @Test
    void anOrderWithoutLinesIsAnError() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").order("S2", "B").line("S2", 1, "X", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.valid()).extracting(p -> p.order().orderNumber()).containsExactly("S2");
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isEqualTo("salesorder");
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.value()).isEqualTo("S1");
            assertThat(e.message()).contains("no lines");
        });
    }

    @Test
    void aDuplicateOrderNumberInTheFileRejectsBothRows() throws IOException {
        Workbooks wb = Workbooks.standard(false).order("S1", "A").order("s1", "B").line("S1", 1, "X", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.valid()).isEmpty();
        assertThat(parsed.errors()).extracting(ImportError::row).containsExactlyInAnyOrder(2, 3);
        assertThat(parsed.errors()).allMatch(e -> e.message().contains("appears"));
    }

    @Test
    void invalidFieldValuesNameTheirColumn() throws IOException {
        Workbooks wb = Workbooks.standard(false)
                .rows("salesorder", "S1", "A", null, null, null, null, null, null, "Atlantis", null, "not-an-email")
                .line("S1", 1, "X", 1);
        ParsedWorkbook parsed = parse(wb, false);
        assertThat(parsed.errors()).extracting(ImportError::column, ImportError::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("country", "Atlantis"),
                        org.assertj.core.groups.Tuple.tuple("email", "not-an-email"));
    }
}
