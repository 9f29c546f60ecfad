package com.miniwms.salesorders.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation rules of a sales order, in one place. Every way an order enters or changes (API, workbook,
 * marketplace) goes through {@link #validate(SalesOrder)} after {@link SalesOrder#normalised()}.
 * The rules are listed for people in docs/order-rules.md; keep the two in step.
 */
public final class OrderRules {
    public static final int ORDER_NUMBER_MAX = 30;
    public static final Pattern ORDER_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0," + (ORDER_NUMBER_MAX - 1) + "}");
    public static final int MAX_LINES = 500;
    public static final int MAX_LINE_NUMBER = 99_999;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int SKU_MAX = 64;
    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 100;
    public static final int CITY_MAX = 60;
    public static final int STATE_MAX = 60;
    public static final int POSTCODE_MAX = 20;
    public static final int PHONE_MAX = 30;
    public static final int EMAIL_MAX = 254;
    public static final int WAVE_MAX = 30;
    public static final int DESCRIPTION_MAX = 200;
    public static final int NOTES_MAX = 2000;
    public static final int REASON_MAX = 500;
    public static final int EXTERNAL_ID_MAX = 100;
    /** Money: at most 12 digits before the point and {@link Money#MAX_FRACTION_DIGITS} after, never negative. */
    public static final int MONEY_INTEGER_DIGITS = 12;

    private static final Pattern PHONE = Pattern.compile("[0-9+()./\\- ]+(?:\\s*(?:x|ext\\.?)\\s*[0-9]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL_BUT_LINE_BREAKS = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private OrderRules() {
    }

    /** Throws {@link ValidationException} listing every broken rule. */
    public static void validate(SalesOrder order) {
        List<FieldError> errors = new ArrayList<>();
        check(order, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static List<FieldError> check(SalesOrder order, List<FieldError> errors) {
        checkOrderNumber(order.orderNumber(), "orderNumber", errors);
        checkChannel(order, errors);
        if (order.status() == null) {
            errors.add(new FieldError("status", "is required"));
        } else if (order.status().requiresReason() && order.statusReason() == null) {
            errors.add(new FieldError("statusReason", "is required when the status is " + order.status()));
        }
        text(order.statusReason(), "statusReason", REASON_MAX, false, errors);
        text(order.wave(), "wave", WAVE_MAX, false, errors);
        checkShipTo(order.shipTo(), errors);
        checkMoney(order, errors);
        if (order.notes() != null && order.notes().length() > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        } else if (order.notes() != null && CONTROL_BUT_LINE_BREAKS.matcher(order.notes()).find()) {
            errors.add(new FieldError("notes", "must not contain control characters other than line breaks and tabs"));
        }
        checkLines(order.lines(), order.status() == OrderStatus.ON_HOLD, errors);
        return errors;
    }

    public static void checkOrderNumber(String orderNumber, String field, List<FieldError> errors) {
        if (orderNumber == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!ORDER_NUMBER.matcher(orderNumber).matches()) {
            errors.add(new FieldError(field, "must be 1 to " + ORDER_NUMBER_MAX
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private static void checkChannel(SalesOrder order, List<FieldError> errors) {
        if (order.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
            return;
        }
        boolean hasConnection = order.channelConnectionId() != null;
        boolean hasExternalId = order.externalOrderId() != null;
        if (order.channel().isMarketplace()) {
            if (!hasConnection) {
                errors.add(new FieldError("channelConnectionId", "is required for " + order.channel() + " orders"));
            }
            if (!hasExternalId) {
                errors.add(new FieldError("externalOrderId", "is required for " + order.channel() + " orders"));
            }
        } else {
            if (hasConnection) {
                errors.add(new FieldError("channelConnectionId", "is only for marketplace orders"));
            }
            if (hasExternalId) {
                errors.add(new FieldError("externalOrderId", "is only for marketplace orders"));
            }
        }
        text(order.channelConnectionId(), "channelConnectionId", EXTERNAL_ID_MAX, false, errors);
        text(order.externalOrderId(), "externalOrderId", EXTERNAL_ID_MAX, false, errors);
    }

    private static void checkShipTo(ShipTo shipTo, List<FieldError> errors) {
        if (shipTo == null) {
            errors.add(new FieldError("shipTo", "is required"));
            return;
        }
        text(shipTo.name(), "shipTo.name", NAME_MAX, true, errors);
        text(shipTo.address1(), "shipTo.address1", ADDRESS_MAX, false, errors);
        text(shipTo.address2(), "shipTo.address2", ADDRESS_MAX, false, errors);
        text(shipTo.address3(), "shipTo.address3", ADDRESS_MAX, false, errors);
        text(shipTo.city(), "shipTo.city", CITY_MAX, false, errors);
        text(shipTo.state(), "shipTo.state", STATE_MAX, false, errors);
        text(shipTo.postcode(), "shipTo.postcode", POSTCODE_MAX, false, errors);
        if (shipTo.country() != null && !Countries.isAlpha2Code(shipTo.country())) {
            errors.add(new FieldError("shipTo.country",
                    "'" + shipTo.country() + "' is not a country (use an ISO code such as GB or US, or its name)"));
        }
        if (text(shipTo.phone(), "shipTo.phone", PHONE_MAX, false, errors)
                && shipTo.phone() != null && !PHONE.matcher(shipTo.phone()).matches()) {
            errors.add(new FieldError("shipTo.phone", "may hold only digits, spaces, + ( ) - . / and an extension"));
        }
        if (text(shipTo.email(), "shipTo.email", EMAIL_MAX, false, errors)
                && shipTo.email() != null && !EMAIL.matcher(shipTo.email()).matches()) {
            errors.add(new FieldError("shipTo.email", "is not an email address"));
        }
    }

    private static void checkMoney(SalesOrder order, List<FieldError> errors) {
        if (order.currency() != null) {
            try {
                Currency.getInstance(order.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "'" + order.currency() + "' is not an ISO 4217 currency code"));
            }
        }
        Totals totals = order.totals();
        boolean anyPrice = order.lines().stream().anyMatch(l -> l.unitPrice() != null);
        if ((totals != null || anyPrice) && order.currency() == null) {
            errors.add(new FieldError("currency", "is required when the order carries prices or totals"));
        }
        if (totals != null) {
            money(totals.subtotal(), "totals.subtotal", errors);
            money(totals.shipping(), "totals.shipping", errors);
            money(totals.tax(), "totals.tax", errors);
            money(totals.discount(), "totals.discount", errors);
            money(totals.total(), "totals.total", errors);
        }
    }

    private static void checkLines(List<OrderLine> lines, boolean held, List<FieldError> errors) {
        if (lines.isEmpty()) {
            errors.add(new FieldError("lines", "an order needs at least one line"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "an order may have at most " + MAX_LINES + " lines; it has "
                    + lines.size() + " (split it into several orders)"));
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            checkLine(lines.get(i), "lines[" + i + "].", held, errors);
            int number = lines.get(i).lineNumber();
            if (number >= 1 && !seen.add(number)) {
                errors.add(new FieldError("lines[" + i + "].lineNumber", "line number " + number + " is used twice"));
            }
        }
    }

    /** Rules for one line; the prefix names the line in error messages (for example {@code lines[3].}). */
    public static void checkLine(OrderLine line, String prefix, List<FieldError> errors) {
        checkLine(line, prefix, false, errors);
    }

    /**
     * Rules for one line of an order; a held order may carry lines without a SKU (a marketplace line that names no
     * item), so a person can see and fix them, rather than the lines being dropped.
     */
    public static void checkLine(OrderLine line, String prefix, boolean held, List<FieldError> errors) {
        if (line.lineNumber() < 1 || line.lineNumber() > MAX_LINE_NUMBER) {
            errors.add(new FieldError(prefix + "lineNumber", "must be a whole number from 1 to " + MAX_LINE_NUMBER));
        }
        text(line.sku(), prefix + "sku", SKU_MAX, !held, errors);
        text(line.description(), prefix + "description", DESCRIPTION_MAX, false, errors);
        if (line.quantityOrdered() < 1 || line.quantityOrdered() > MAX_QUANTITY) {
            errors.add(new FieldError(prefix + "quantityOrdered",
                    "must be a whole number from 1 to " + MAX_QUANTITY));
        } else {
            checkWarehouseQuantities(line, prefix, errors);
        }
        money(line.unitPrice(), prefix + "unitPrice", errors);
    }

    /** The quantities the warehouse fills in, measured against a valid quantity ordered. */
    private static void checkWarehouseQuantities(OrderLine line, String prefix, List<FieldError> errors) {
        if (line.quantityAllocated() < 0 || line.quantityAllocated() > line.quantityOrdered()) {
            errors.add(new FieldError(prefix + "quantityAllocated", "must be between 0 and the quantity ordered"));
        }
        if (line.quantityPicked() < 0 || line.quantityPicked() > line.quantityAllocated()) {
            errors.add(new FieldError(prefix + "quantityPicked", "must be between 0 and the quantity allocated"));
        }
        if (line.quantityShort() < 0 || line.quantityShort() > line.quantityOrdered()) {
            errors.add(new FieldError(prefix + "quantityShort", "must be between 0 and the quantity ordered"));
        }
    }

    private static boolean text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
                return false;
            }
            return true;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters; it has " + value.length()));
            return false;
        }
        if (hasControlCharacter(value)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return false;
        }
        return true;
    }

    /** {@code \p{Cntrl}} without a matcher: this runs for every text field of every order and line. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static void money(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (value.stripTrailingZeros().scale() > Money.MAX_FRACTION_DIGITS) {
            errors.add(new FieldError(field, "must have at most " + Money.MAX_FRACTION_DIGITS + " decimal places"));
        } else if (value.precision() - value.scale() > MONEY_INTEGER_DIGITS) {
            errors.add(new FieldError(field, "must be less than 10^" + MONEY_INTEGER_DIGITS));
        }
    }
}
