package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FixtureWorkbooksTest {

    @ParameterizedTest
    @ValueSource(strings = {"salesorders.xlsx", "salesorders.xls"})
    void realSampleWorkbookReadsAsThreeOrdersAndFourLinesWithCleanValues(String name) {
        ParsedWorkbook parsed = WorkbookParser.parse(Fixtures.workbook(name));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rejectedOrders()).isZero();
        assertThat(parsed.valid()).extracting(p -> p.order().orderNumber())
                .containsExactly("SAL0031", "SAL0032", "SAL0033");
        assertThat(parsed.valid()).flatExtracting(p -> p.order().lines()).hasSize(4);

        SalesOrder first = parsed.valid().get(0).order();
        assertThat(first.lines()).extracting(OrderLine::lineNumber, OrderLine::sku, OrderLine::quantityOrdered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "1628437592043", 5),
                        org.assertj.core.groups.Tuple.tuple(2, "7026814395746", 8));
        ShipTo shipTo = first.shipTo();
        assertThat(shipTo.country()).isEqualTo("GB");
        assertThat(shipTo.address3()).isNull();
        for (ParsedOrder order : parsed.valid()) {
            ShipTo s = order.order().shipTo();
            for (String value : java.util.Arrays.asList(s.name(), s.address1(), s.address2(), s.city(), s.state(),
                    s.postcode(), s.phone(), s.email())) {
                assertThat(value).isNotNull().doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
            }
        }
        assertThat(parsed.valid()).extracting(p -> p.order().lines().size()).containsExactly(2, 1, 1);
        assertThat(parsed.valid()).extracting(ParsedOrder::lineRows)
                .containsExactly(List.of(2, 3), List.of(4), List.of(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"salesorders.xlsx"})
    void sampleNamesKeepSingleSpacesInsideNames(String name) {
        ParsedWorkbook parsed = WorkbookParser.parse(Fixtures.workbook(name));
        assertThat(parsed.valid().get(0).order().shipTo().name()).isEqualTo("William Tonny");
        assertThat(parsed.valid().get(0).order().shipTo().address1()).isEqualTo("32 Oak Street");
        assertThat(parsed.valid().get(0).order().shipTo().phone()).isEqualTo("+44 20 1234 5678");
    }
}
