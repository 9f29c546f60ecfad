package com.miniwms.salesorders.history;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderDiffTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static SalesOrder order(List<OrderLine> lines) {
        return new SalesOrder("SO000001", Channel.MANUAL, null, null, OrderStatus.AVAILABLE, null, "W1",
                LocalDate.of(2026, 12, 1), new ShipTo("Jane Smith", "1 Main St", null, null, "Leeds", null,
                "LS1 1AA", "GB", null, null), "GBP", null, null, lines, 1, T0, "a", T0, "a");
    }

    @Test
    void headerFieldsAreComparedByPathAndBookkeepingIsLeftOut() {
        SalesOrder before = order(List.of(OrderLine.of(1, "A", null, 1, null)));
        SalesOrder after = before.withHeader(new ShipTo("Jane Smith", "1 Main St", null, null, "York", null,
                "LS1 1AA", "GB", null, null), "W2", before.orderDate(), "GBP", null, "note")
                .changedBy("b", T0.plusSeconds(5));

        assertThat(OrderDiff.between(before, after)).containsExactly(
                new FieldChange("notes", null, "note"),
                new FieldChange("shipTo.city", "Leeds", "York"),
                new FieldChange("wave", "W1", "W2"));
    }

    @Test
    void linesAreMatchedByNumberAddedAndRemovedWhole() {
        SalesOrder before = order(List.of(OrderLine.of(1, "A", null, 1, null), OrderLine.of(2, "B", null, 1, null)));
        SalesOrder after = order(List.of(OrderLine.of(2, "B", null, 3, new BigDecimal("9.90")),
                OrderLine.of(3, "C", null, 1, null)));

        List<FieldChange> changes = OrderDiff.between(before, after);
        assertThat(changes).extracting(FieldChange::field).containsExactly("lines[1]", "lines[2].quantityOrdered",
                "lines[2].unitPrice", "lines[3]");
        assertThat(changes.get(0).newValue()).isNull();
        assertThat(changes.get(0).oldValue()).contains("\"sku\":\"A\"");
        assertThat(changes.get(2)).isEqualTo(new FieldChange("lines[2].unitPrice", null, "9.90"));
        assertThat(changes.get(3).oldValue()).isNull();
    }

    @Test
    void anUnchangedOrderHasNoChangesAndANewOneHasAllItsValues() {
        SalesOrder order = order(List.of(OrderLine.of(1, "A", null, 1, null)));
        assertThat(OrderDiff.between(order, order.changedBy("b", T0.plusSeconds(1)))).isEmpty();
        assertThat(OrderDiff.between(null, order)).extracting(FieldChange::field)
                .contains("orderNumber", "status", "shipTo.name", "lines[1]")
                .doesNotContain("version", "createdAt", "updatedBy");
    }
}
