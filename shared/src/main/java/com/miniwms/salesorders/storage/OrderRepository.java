package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.SalesOrder;

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
}
