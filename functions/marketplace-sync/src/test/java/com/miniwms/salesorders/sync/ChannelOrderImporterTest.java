package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static com.miniwms.salesorders.sync.TestOrders.T0;
import static com.miniwms.salesorders.sync.TestOrders.cancelled;
import static com.miniwms.salesorders.sync.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelOrderImporterTest {
    private static final String CONNECTION = "shop-1";
    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private final OrderService orders = new OrderService(repository, Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC));
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final ChannelOrderImporter importer = new ChannelOrderImporter(orders, store);

    private SalesOrder stored(String externalId) {
        return orders.findByExternalOrder(CONNECTION, externalId).orElseThrow();
    }

    @Test
    void aNewOrderGetsTheNextOrderNumberAndItsChannelFields() {
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0))).isEqualTo(ImportOutcome.CREATED);

        SalesOrder order = stored("A1");
        assertThat(order.orderNumber()).matches("SO\\d{6}");
        assertThat(order.channel()).isEqualTo(Channel.SHOPIFY);
        assertThat(order.channelConnectionId()).isEqualTo(CONNECTION);
        assertThat(order.externalOrderId()).isEqualTo("A1");
        assertThat(order.status()).isEqualTo(OrderStatus.AVAILABLE);
        assertThat(order.notes()).isEqualTo("SHOPIFY order #A1 (A1)");
        assertThat(order.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("MUG-RED");
            assertThat(l.quantityOrdered()).isEqualTo(2);
            assertThat(l.unitPrice()).isEqualByComparingTo("12.99");
        });
        assertThat(store.externalOrder(CONNECTION, "A1").orElseThrow().appliedUpdatedAt()).isEqualTo(T0);
    }

    @Test
    void theSameOrderTwiceIsImportedOnce() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0));
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0))).isEqualTo(ImportOutcome.UNCHANGED);
        assertThat(stored("A1").version()).isEqualTo(1);
    }

    @Test
    void aNewerUpdateChangesShipToAndLinesButAnOlderOneIsIgnored() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0));
        ChannelOrder newer = order("A1", T0.plusSeconds(60), "Anna Berg-Lund",
                List.of(new ChannelLine("l1", "MUG-RED", "Mug red", 3, new BigDecimal("12.99")),
                        new ChannelLine("l2", "TEE-M", "T-shirt", 1, new BigDecimal("24.00"))));
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, newer)).isEqualTo(ImportOutcome.UPDATED);
        ChannelOrder older = order("A1", T0.plusSeconds(30), "Old Name", List.of(
                new ChannelLine("l1", "MUG-RED", "Mug red", 1, null)));
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, older)).isEqualTo(ImportOutcome.UNCHANGED);

        SalesOrder order = stored("A1");
        assertThat(order.shipTo().name()).isEqualTo("Anna Berg-Lund");
        assertThat(order.lines()).extracting(l -> l.sku() + "x" + l.quantityOrdered())
                .containsExactly("MUG-REDx3", "TEE-Mx1");
        assertThat(order.version()).isEqualTo(2);
    }

    @Test
    void anUpdateAfterAllocationLeavesTheOrderAlone() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0));
        SalesOrder order = stored("A1");
        orders.changeStatus(order.orderNumber(), order.version(), OrderStatus.ALLOCATED, null, "wms");

        ChannelOrder newer = order("A1", T0.plusSeconds(60), "Someone Else", List.of(
                new ChannelLine("l1", "OTHER", "Other", 9, null)));
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, newer)).isEqualTo(ImportOutcome.UNCHANGED);
        assertThat(stored("A1").shipTo().name()).isEqualTo("Anna Berg");
        assertThat(stored("A1").lines()).extracting(l -> l.sku()).containsExactly("MUG-RED");
    }

    @Test
    void aCancellationCancelsAnAvailableOrder() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0));
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, cancelled("A1", T0.plusSeconds(60))))
                .isEqualTo(ImportOutcome.UPDATED);
        assertThat(stored("A1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored("A1").statusReason()).isEqualTo("Cancelled in the shop: CUSTOMER");
        assertThat(store.flagged(CONNECTION)).isEmpty();
    }

    @Test
    void aCancellationAfterAllocationKeepsTheStatusAndFlagsTheOrderForAPerson() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A1", T0));
        SalesOrder order = stored("A1");
        orders.changeStatus(order.orderNumber(), order.version(), OrderStatus.ALLOCATED, null, "wms");

        importer.apply(Channel.SHOPIFY, CONNECTION, cancelled("A1", T0.plusSeconds(60)));

        assertThat(stored("A1").status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(store.flagged(CONNECTION)).singleElement().satisfies(flag -> {
            assertThat(flag.orderNumber()).isEqualTo(order.orderNumber());
            assertThat(flag.attention()).contains("Cancelled in the shop while the order is ALLOCATED")
                    .contains("CUSTOMER");
        });
    }

    @Test
    void anOrderTheShopCancelledBeforeWeSawItIsNotCreated() {
        assertThat(importer.apply(Channel.SHOPIFY, CONNECTION, cancelled("A2", T0))).isEqualTo(ImportOutcome.UNCHANGED);
        assertThat(orders.findByExternalOrder(CONNECTION, "A2")).isEmpty();
    }

    @Test
    void linesWithoutSkuHoldTheOrderWithTheReasonAndItIsReleasedOnceTheyHaveOne() {
        ChannelOrder noSku = order("A3", T0, "Anna Berg", List.of(
                new ChannelLine("l1", "MUG-RED", "Mug red", 1, null),
                new ChannelLine("l2", " ", "Gift wrap", 1, null)));
        importer.apply(Channel.SHOPIFY, CONNECTION, noSku);
        SalesOrder held = stored("A3");
        assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(held.statusReason()).contains("line 2 (Gift wrap)");
        assertThat(held.lines()).hasSize(2);
        assertThat(held.lines().get(1).sku()).isNull();

        ChannelOrder fixed = order("A3", T0.plusSeconds(60), "Anna Berg", List.of(
                new ChannelLine("l1", "MUG-RED", "Mug red", 1, null),
                new ChannelLine("l2", "WRAP", "Gift wrap", 1, null)));
        importer.apply(Channel.SHOPIFY, CONNECTION, fixed);
        assertThat(stored("A3").status()).isEqualTo(OrderStatus.AVAILABLE);
        assertThat(stored("A3").statusReason()).isNull();
    }

    @Test
    void aRemovedLineIsNotShipped() {
        importer.apply(Channel.SHOPIFY, CONNECTION, order("A4", T0, "Anna Berg", List.of(
                new ChannelLine("l1", "MUG-RED", "Mug red", 1, null),
                new ChannelLine("l2", "TEE-M", "Tee", 0, null))));
        assertThat(stored("A4").lines()).extracting(l -> l.sku()).containsExactly("MUG-RED");
    }

    @Test
    void anOrderThatBreaksTheOrderRulesIsRefusedWithTheReason() {
        ChannelOrder noLines = order("A5", T0, "Anna Berg", List.of());
        assertThatThrownBy(() -> importer.apply(Channel.SHOPIFY, CONNECTION, noLines))
                .hasMessageContaining("no lines");
        ChannelOrder badCountry = new ChannelOrder("A6", "#A6", T0, T0, false, null,
                new com.miniwms.salesorders.domain.ShipTo("X", null, null, null, null, null, null, "Atlantis", null,
                        null), "EUR", null, List.of(new ChannelLine("l", "S", "s", 1, null)));
        assertThatThrownBy(() -> importer.apply(Channel.SHOPIFY, CONNECTION, badCountry))
                .hasMessageContaining("country");
        assertThat(orders.findByExternalOrder(CONNECTION, "A6")).isEmpty();
    }

    @Test
    void theSameExternalIdOnTwoConnectionsIsTwoOrders() {
        importer.apply(Channel.SHOPIFY, "shop-1", order("A1", T0));
        importer.apply(Channel.SHOPIFY, "shop-2", order("A1", T0));
        assertThat(orders.findByExternalOrder("shop-1", "A1").orElseThrow().orderNumber())
                .isNotEqualTo(orders.findByExternalOrder("shop-2", "A1").orElseThrow().orderNumber());
    }
}
