package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.HistoryPage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sales orders live. Every write is conditional: create requires absence (and, for channel orders, that the
 * external order id is not taken), update and delete require the expected version.
 */
public interface OrderRepository {

    Optional<SalesOrder> find(String orderNumber);

    /**
     * Creates the order, and with it the idempotency record when one is given, atomically.
     *
     * @throws com.miniwms.salesorders.domain.OrderAlreadyExistsException        the number is taken
     * @throws com.miniwms.salesorders.domain.DuplicateExternalOrderException    the external order id is taken
     * @throws IdempotencyKeyInUseException                                       the key was stored meanwhile
     */
    void create(SalesOrder order, IdempotencyRecord idempotency);

    /**
     * The stored orders of these numbers, by number; numbers without an order are left out. Reads as strongly as
     * {@link #find}.
     */
    default Map<String, SalesOrder> findAll(Collection<String> orderNumbers) {
        Map<String, SalesOrder> found = new LinkedHashMap<>();
        for (String number : new LinkedHashSet<>(orderNumbers)) {
            find(number).ifPresent(order -> found.put(number, order));
        }
        return found;
    }

    /**
     * Creates many orders, each with its history entry and each only if its number is free: an order whose number
     * is taken is left alone and reported, never overwritten. Written in as few requests as the store allows;
     * running it again with the same orders writes nothing more. For orders with numbers and without an external
     * order id (whose uniqueness {@link #create(SalesOrder, IdempotencyRecord, ChangeContext)} guards).
     *
     * @throws IllegalArgumentException an order has no number, has an external order id, or a number repeats
     */
    default BulkCreateResult createAll(List<SalesOrder> orders, ChangeContext context) {
        BulkOrders.requireCreatable(orders);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (SalesOrder order : orders) {
            try {
                create(order, null, context);
                created.add(order.orderNumber());
            } catch (com.miniwms.salesorders.domain.OrderAlreadyExistsException e) {
                existing.add(order.orderNumber());
            }
        }
        return new BulkCreateResult(created, existing);
    }

    /**
     * Replaces the order if it is still at {@code expectedVersion}.
     *
     * @throws com.miniwms.salesorders.domain.VersionConflictException   it is not
     * @throws com.miniwms.salesorders.domain.OrderNotFoundException     it is gone
     */
    void update(SalesOrder order, long expectedVersion);

    /** Deletes the order if it is still at its {@link SalesOrder#version()}. */
    void delete(SalesOrder order);

    OrderPage list(OrderQuery query);

    /** The next number of the order-number sequence; never returns the same number twice. */
    long nextOrderSequence();

    Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey);

    // ------------------------------------------------------------------------------------------ with history
    // Each write below stores the order's history entry in the same transaction as the change. The defaults
    // exist so implementations written before history still compile; they record no history.

    /** {@link #create(SalesOrder, IdempotencyRecord)} recording who created it and through which way. */
    default void create(SalesOrder order, IdempotencyRecord idempotency, ChangeContext context) {
        create(order, idempotency);
    }

    /**
     * Replaces {@code before} with {@code after} if the stored order is still at {@code before.version()}, and
     * records the difference.
     */
    default void update(SalesOrder before, SalesOrder after, ChangeContext context) {
        update(after, before.version());
    }

    /** {@link #delete(SalesOrder)} recording who deleted it; the order's history stays. */
    default void delete(SalesOrder order, ChangeContext context) {
        delete(order);
    }

    /**
     * The order's history, newest first; it outlives the order.
     *
     * @param cursor {@code null} for the first page, else a {@link HistoryPage#nextCursor()}
     * @throws com.miniwms.salesorders.domain.ValidationException the cursor is not one of this history
     */
    default HistoryPage history(String orderNumber, int limit, String cursor) {
        return new HistoryPage(java.util.List.of(), null);
    }
    /**
     * The number of the order imported for this external order of this channel connection, read from the guard
     * that makes the pair unique.
     */
    Optional<String> findOrderNumberByExternalId(String channelConnectionId, String externalOrderId);
}
