package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.HistoryPage;

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
