package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOrdersTest {

    @Test
    void fourOrdersToTheUkAndTheUsWithOneToThreeLines() {
        List<Map<String, Object>> orders = DemoOrders.orders(LocalDate.of(2026, 12, 3));

        assertThat(orders).hasSize(4);
        assertThat(orders).extracting(o -> (Object) ((Map<?, ?>) o.get("shipTo")).get("country"))
                .containsExactly("GB", "GB", "US", "US");
        assertThat(orders).extracting(o -> o.get("orderNumber"))
                .containsExactly("SO-DEMO-0001", "SO-DEMO-0002", "SO-DEMO-0003", "SO-DEMO-0004");
        assertThat(orders).allSatisfy(order -> {
            assertThat((List<?>) order.get("lines")).hasSizeBetween(1, 3).allSatisfy(line -> {
                Map<?, ?> l = (Map<?, ?>) line;
                assertThat(l.get("sku")).isInstanceOf(String.class);
                assertThat(l.get("unitPrice")).isInstanceOf(String.class);
                assertThat(l.get("quantityOrdered")).isInstanceOf(Integer.class);
            });
            assertThat(order.get("orderDate").toString()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(orders).flatExtracting(o -> (List<?>) o.get("lines"))
                .extracting(l -> (Object) ((Map<?, ?>) l).get("sku"))
                .contains("1628437592043", "WIDGET-BLUE-M");
    }
}
