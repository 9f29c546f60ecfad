package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;

import java.time.Instant;
import java.time.LocalDate;

/** What the order list screen shows for one order. */
public record OrderSummary(String orderNumber, Channel channel, OrderStatus status, String wave, LocalDate orderDate,
                           String shipToName, int lineCount, Instant createdAt, long version) {
}
