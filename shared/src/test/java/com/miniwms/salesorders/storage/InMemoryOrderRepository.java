package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;

import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.HistoryPage;
import com.miniwms.salesorders.history.OrderHistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** An in-memory {@link OrderRepository} with the same conditional-write rules, for unit tests. */
public final class InMemoryOrderRepository implements OrderRepository {
    private final Map<String, SalesOrder> orders = new HashMap<>();
    private final Map<String, String> guards = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Per order number, newest first; kept when the order is deleted. */
    private final Map<String, List<OrderHistoryEntry>> history = new HashMap<>();

    @Override
    public synchronized Optional<SalesOrder> find(String orderNumber) {
        return Optional.ofNullable(orders.get(orderNumber));
    }

    @Override
    public synchronized void create(SalesOrder order, IdempotencyRecord record) {
        create(order, record, ChangeContext.api(order.createdBy()));
    }

    @Override
    public synchronized void create(SalesOrder order, IdempotencyRecord record, ChangeContext context) {
        if (orders.containsKey(order.orderNumber())) {
            throw new OrderAlreadyExistsException(order.orderNumber());
        }
        String guard = order.externalOrderId() == null ? null
                : order.channelConnectionId() + "\u0000" + order.externalOrderId();
        if (guard != null && guards.containsKey(guard)) {
            throw new DuplicateExternalOrderException(order.channelConnectionId(), order.externalOrderId(),
                    guards.get(guard));
        }
        if (record != null) {
            IdempotencyRecord existing = idempotency.get(record.scopedKey());
            if (existing != null && !existing.isExpired(Instant.now())) {
                throw new IdempotencyKeyInUseException(record.scopedKey());
            }
            idempotency.put(record.scopedKey(), record);
        }
        if (guard != null) {
            guards.put(guard, order.orderNumber());
        }
        orders.put(order.orderNumber(), order);
        record(OrderHistoryEntry.created(order, context));
    }

    @Override
    public synchronized void update(SalesOrder order, long expectedVersion) {
        SalesOrder current = orders.get(order.orderNumber());
        update(current == null ? order : new SalesOrder(current.orderNumber(), current.channel(),
                current.channelConnectionId(), current.externalOrderId(), current.status(), current.statusReason(),
                current.wave(), current.orderDate(), current.shipTo(), current.currency(), current.totals(),
                current.notes(), current.lines(), expectedVersion, current.createdAt(), current.createdBy(),
                current.updatedAt(), current.updatedBy()), order, ChangeContext.api(order.updatedBy()));
    }

    @Override
    public synchronized void update(SalesOrder before, SalesOrder order, ChangeContext context) {
        long expectedVersion = before.version();
        SalesOrder current = orders.get(order.orderNumber());
        if (current == null) {
            throw new OrderNotFoundException(order.orderNumber());
        }
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(order.orderNumber(), expectedVersion, current.version());
        }
        orders.put(order.orderNumber(), order);
        record(OrderHistoryEntry.updated(current, order, context));
    }

    @Override
    public synchronized void delete(SalesOrder order) {
        delete(order, ChangeContext.api(null));
    }

    @Override
    public synchronized void delete(SalesOrder order, ChangeContext context) {
        SalesOrder current = orders.get(order.orderNumber());
        if (current == null) {
            throw new OrderNotFoundException(order.orderNumber());
        }
        if (current.version() != order.version()) {
            throw new VersionConflictException(order.orderNumber(), order.version(), current.version());
        }
        orders.remove(order.orderNumber());
        if (order.externalOrderId() != null) {
            guards.remove(order.channelConnectionId() + "\u0000" + order.externalOrderId());
        }
        record(OrderHistoryEntry.deleted(current, context, Instant.now()));
    }

    @Override
    public synchronized HistoryPage history(String orderNumber, int limit, String cursor) {
        List<OrderHistoryEntry> entries = history.getOrDefault(orderNumber, List.of());
        int offset = 0;
        if (cursor != null) {
            try {
                offset = Integer.parseInt(cursor.substring("mem:".length()));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a page token of this history");
            }
        }
        int end = Math.min(entries.size(), offset + limit);
        List<OrderHistoryEntry> page = new ArrayList<>(entries.subList(Math.min(offset, end), end));
        return new HistoryPage(page, end < entries.size() ? "mem:" + end : null);
    }

    /** Every history entry of every order, oldest first (for tests). */
    public synchronized List<OrderHistoryEntry> allHistory() {
        List<OrderHistoryEntry> all = new ArrayList<>();
        history.values().forEach(all::addAll);
        all.sort(Comparator.comparing(OrderHistoryEntry::at));
        return all;
    }

    private void record(OrderHistoryEntry entry) {
        history.computeIfAbsent(entry.orderNumber(), n -> new ArrayList<>()).add(0, entry);
    }

    @Override
    public synchronized OrderPage list(OrderQuery query) {
        List<SalesOrder> matching = matching(query);
        int offset = 0;
        if (query.cursor() != null) {
            try {
                offset = Integer.parseInt(query.cursor().substring("mem:".length()));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a page token of this list");
            }
        }
        int end = Math.min(matching.size(), offset + query.limit());
        List<OrderSummary> items = matching.subList(Math.min(offset, end), end).stream()
                .map(InMemoryOrderRepository::summary).toList();
        return new OrderPage(items, end < matching.size() ? "mem:" + end : null);
    }

    @Override
    public long nextOrderSequence() {
        return sequence.incrementAndGet();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey) {
        return Optional.ofNullable(idempotency.get(scopedKey));
    }

    @Override
    public synchronized Optional<String> findOrderNumberByExternalId(String channelConnectionId,
                                                                      String externalOrderId) {
        return Optional.ofNullable(guards.get(channelConnectionId + "\u0000" + externalOrderId));
    }

    private List<SalesOrder> matching(OrderQuery query) {
        Stream<SalesOrder> all = orders.values().stream()
                .filter(o -> query.status() == null || o.status() == query.status())
                .filter(o -> query.channel() == null || o.channel() == query.channel())
                .filter(o -> query.from() == null || !o.orderDate().isBefore(query.from()))
                .filter(o -> query.to() == null || !o.orderDate().isAfter(query.to()));
        if (query.q() == null) {
            return all.sorted(Comparator.comparing(SalesOrder::orderDate)
                    .thenComparing(SalesOrder::orderNumber).reversed()).toList();
        }
        String number = query.q().strip().toUpperCase(Locale.ROOT);
        String name = query.q().strip().toLowerCase(Locale.ROOT);
        List<SalesOrder> candidates = all.toList();
        List<SalesOrder> result = new ArrayList<>(candidates.stream()
                .filter(o -> o.orderNumber().startsWith(number))
                .sorted(Comparator.comparing(SalesOrder::orderNumber)).toList());
        result.addAll(candidates.stream()
                .filter(o -> !o.orderNumber().startsWith(number))
                .filter(o -> o.shipTo().name().toLowerCase(Locale.ROOT).startsWith(name))
                .sorted(Comparator.comparing((SalesOrder o) -> o.shipTo().name().toLowerCase(Locale.ROOT))
                        .thenComparing(SalesOrder::orderNumber)).toList());
        return result;
    }

    private static OrderSummary summary(SalesOrder o) {
        return new OrderSummary(o.orderNumber(), o.channel(), o.status(), o.wave(), o.orderDate(),
                o.shipTo().name(), o.lineCount(), o.createdAt(), o.version());
    }
}
