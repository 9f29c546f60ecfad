package com.miniwms.salesorders.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderRulesTest {

    static SalesOrder order(List<OrderLine> lines) {
        return new SalesOrder("SO000001", Channel.MANUAL, null, null, OrderStatus.AVAILABLE, null, "W1",
                LocalDate.of(2026, 12, 1),
                new ShipTo("Ada Lovelace", "1 Main St", null, null, "London", null, "N1 1AA", "GB", "+44 20 7946 0000",
                        "ada@example.com"),
                "GBP", null, null, lines, 1, Instant.EPOCH, "test", Instant.EPOCH, "test");
    }

    static SalesOrder valid() {
        return order(List.of(OrderLine.of(1, "1628437592043", "Widget", 2, new BigDecimal("9.90"))));
    }

    private static List<FieldError> errorsOf(SalesOrder order) {
        return OrderRules.check(order.normalised(), new ArrayList<>());
    }

    @Test
    void aCompleteOrderPasses() {
        assertThat(errorsOf(valid())).isEmpty();
    }

    @Test
    void normalisingTrimsCollapsesSpacesAndPlacesCountryNames() {
        SalesOrder messy = new SalesOrder(" so000001 ", Channel.MANUAL, null, null, OrderStatus.AVAILABLE, null,
                "  ", LocalDate.of(2026, 12, 1),
                new ShipTo("  Ada   Lovelace ", " 1  Main St", "", null, "London", null, null, "UK", " 0161 ", null),
                " gbp", null, "  keep\nlines  ", List.of(OrderLine.of(1, " 1628437592043 ", null, 1, null)),
                0, Instant.EPOCH, "t", Instant.EPOCH, "t").normalised();

        assertThat(messy.orderNumber()).isEqualTo("SO000001");
        assertThat(messy.wave()).isNull();
        assertThat(messy.shipTo().name()).isEqualTo("Ada Lovelace");
        assertThat(messy.shipTo().address1()).isEqualTo("1 Main St");
        assertThat(messy.shipTo().address2()).isNull();
        assertThat(messy.shipTo().country()).isEqualTo("GB");
        assertThat(messy.currency()).isEqualTo("GBP");
        assertThat(messy.notes()).isEqualTo("keep\nlines");
        assertThat(messy.lines().get(0).sku()).isEqualTo("1628437592043");
        assertThat(errorsOf(messy)).isEmpty();
    }

    @Test
    void countriesAcceptCodesNamesAndCommonAliases() {
        assertThat(Countries.normalise("USA")).isEqualTo("US");
        assertThat(Countries.normalise("united states")).isEqualTo("US");
        assertThat(Countries.normalise("DEU")).isEqualTo("DE");
        assertThat(Countries.normalise("uk")).isEqualTo("GB");
        assertThat(Countries.normalise("Atlantis")).isEqualTo("Atlantis");
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThat(errorsOf(order(List.of()))).containsExactly(
                new FieldError("lines", "an order needs at least one line"));
    }

    @Test
    void lineNumbersMustBeUniqueAndPositive() {
        List<FieldError> errors = errorsOf(order(List.of(
                OrderLine.of(1, "A", null, 1, null),
                OrderLine.of(1, "B", null, 1, null),
                OrderLine.of(0, "C", null, 1, null))));

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("lines[1].lineNumber", "lines[2].lineNumber");
        assertThat(errors.get(0).message()).contains("used twice");
    }

    @Test
    void quantitiesMustBePositiveWholeNumbersAndSkusPresent() {
        List<FieldError> errors = errorsOf(order(List.of(OrderLine.of(1, "  ", null, 0, null))));

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("lines[0].sku", "lines[0].quantityOrdered");
    }

    @Test
    void tooManyLinesIsOneClearError() {
        List<OrderLine> lines = IntStream.rangeClosed(1, OrderRules.MAX_LINES + 1)
                .mapToObj(i -> OrderLine.of(i, "SKU" + i, null, 1, null)).toList();

        List<FieldError> errors = errorsOf(order(lines));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).contains("at most " + OrderRules.MAX_LINES).contains("501");
    }

    @Test
    void moneyNeedsACurrencyAndAtMostFourDecimals() {
        SalesOrder noCurrency = new SalesOrder("SO1", Channel.MANUAL, null, null, OrderStatus.AVAILABLE, null, null,
                LocalDate.of(2026, 1, 1), valid().shipTo(), null, null, null,
                List.of(OrderLine.of(1, "A", null, 1, new BigDecimal("1.23456"))), 1, Instant.EPOCH, "t",
                Instant.EPOCH, "t");

        assertThat(errorsOf(noCurrency)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("currency", "lines[0].unitPrice");
    }

    @Test
    void unknownCountryCurrencyAndBadContactsAreNamed() {
        SalesOrder bad = new SalesOrder("SO1", Channel.MANUAL, null, null, OrderStatus.AVAILABLE, null, null,
                LocalDate.of(2026, 1, 1),
                new ShipTo("A", null, null, null, null, null, null, "Atlantis", "call me", "not-an-email"),
                "ZZZ", null, null, valid().lines(), 1, Instant.EPOCH, "t", Instant.EPOCH, "t");

        assertThat(errorsOf(bad)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "shipTo.country", "shipTo.phone", "shipTo.email", "currency");
    }

    @Test
    void marketplaceOrdersNeedConnectionAndExternalIdAndOthersMustNotHaveThem() {
        SalesOrder shopify = new SalesOrder("SO1", Channel.SHOPIFY, null, null, OrderStatus.AVAILABLE, null, null,
                LocalDate.of(2026, 1, 1), valid().shipTo(), "GBP", null, null, valid().lines(), 1, Instant.EPOCH,
                "t", Instant.EPOCH, "t");
        SalesOrder manual = new SalesOrder("SO1", Channel.MANUAL, "shop-1", "1001", OrderStatus.AVAILABLE, null,
                null, LocalDate.of(2026, 1, 1), valid().shipTo(), "GBP", null, null, valid().lines(), 1,
                Instant.EPOCH, "t", Instant.EPOCH, "t");

        assertThat(errorsOf(shopify)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("channelConnectionId", "externalOrderId");
        assertThat(errorsOf(manual)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("channelConnectionId", "externalOrderId");
    }

    @Test
    void holdAndCancelNeedAReason() {
        SalesOrder held = valid().withStatus(OrderStatus.ON_HOLD, null);

        assertThatThrownBy(() -> OrderRules.validate(held))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("statusReason", "is required when the status is ON_HOLD")));
    }

    @Test
    void transitionsFollowTheDocumentedGraph() {
        assertThat(OrderStatus.AVAILABLE.canMoveTo(OrderStatus.ALLOCATED)).isTrue();
        assertThat(OrderStatus.ALLOCATED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.PICKED.canMoveTo(OrderStatus.CLOSED)).isTrue();
        assertThat(OrderStatus.CLOSED.allowedNext()).isEmpty();
        assertThat(OrderStatus.CANCELLED.allowedNext()).isEmpty();
        assertThat(OrderStatus.ALLOCATED.allowsEdits()).isFalse();
        assertThat(OrderStatus.ON_HOLD.allowsEdits()).isTrue();
        assertThat(OrderStatus.AVAILABLE.legacyCode()).isZero();
        assertThat(OrderStatus.CLOSED.legacyCode()).isEqualTo(8);
    }

    @Test
    void moneyKeepsItsScaleButNeverAnExponentOrNeedlessZeros() {
        assertThat(Money.normalise(new BigDecimal("9.90")).toString()).isEqualTo("9.90");
        assertThat(Money.normalise(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
        assertThat(Money.normalise(new BigDecimal("9.900000")).toString()).isEqualTo("9.9");
    }

    @Test
    void linesKeepTheirGivenOrderAndNotesRefuseControlCharacters() {
        SalesOrder order = order(List.of(OrderLine.of(2, "B", null, 1, null), OrderLine.of(1, "A", null, 1, null)))
                .withHeader(valid().shipTo(), null, LocalDate.of(2026, 1, 1), "GBP", null, "bell\u0007")
                .normalised();

        assertThat(order.lines()).extracting(OrderLine::lineNumber).containsExactly(2, 1);
        assertThat(errorsOf(order)).extracting(FieldError::field).containsExactly("notes");
    }
}
