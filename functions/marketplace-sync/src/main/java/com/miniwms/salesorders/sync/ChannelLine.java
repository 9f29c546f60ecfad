package com.miniwms.salesorders.sync;

import java.math.BigDecimal;

/** One line of a marketplace order; {@code sku} is the WMS item number and may be missing in the shop. */
public record ChannelLine(String externalLineId, String sku, String title, int quantity, BigDecimal unitPrice) {
}
