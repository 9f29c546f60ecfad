package com.miniwms.salesorders.service;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.domain.IdempotencyKeyReusedException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.OrderRules;
import com.miniwms.salesorders.domain.OrderStateException;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.history.HistoryPage;
import com.miniwms.salesorders.storage.IdempotencyKeyInUseException;
import com.miniwms.salesorders.storage.IdempotencyRecord;
import com.miniwms.salesorders.storage.OrderPage;
import com.miniwms.salesorders.storage.OrderQuery;
import com.miniwms.salesorders.storage.OrderRepository;
import com.miniwms.salesorders.storage.StoredResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What can be done to sales orders, whoever asks: the HTTP API, the workbook import, the marketplace sync. */
public final class OrderService {
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final int NUMBER_ATTEMPTS = 20;

    private final OrderRepository repository;
    private final Clock clock;
    private final ChangeSource source;

    /** A service whose changes are recorded as made through the API. */
    public OrderService(OrderRepository repository, Clock clock) {
        this(repository, clock, ChangeSource.API);
    }

    private OrderService(OrderRepository repository, Clock clock, ChangeSource source) {
        this.repository = repository;
        this.clock = clock;
        this.source = source;
    }

    /**
     * The same service recording its changes as coming from {@code newSource}: the import uses
     * {@code withSource(ChangeSource.IMPORT)}, the marketplace sync {@code withSource(ChangeSource.SYNC)}.
     */
    public OrderService withSource(ChangeSource newSource) {
        return new OrderService(repository, clock, newSource);
    }

    /** Where this service's changes are recorded as coming from. */
    public ChangeSource source() {
        return source;
    }

    /**
     * One page of the order's history, newest first. The history of a deleted order stays readable; an order
     * number that never had an order is not found.
     */
    public HistoryPage history(String orderNumber, int limit, String cursor) {
        HistoryPage page = repository.history(orderNumber, limit, cursor);
        if (page.items().isEmpty() && cursor == null && repository.find(orderNumber).isEmpty()) {
            throw new OrderNotFoundException(orderNumber);
        }
        return page;
    }

    public SalesOrder get(String orderNumber) {
        return repository.find(orderNumber).orElseThrow(() -> new OrderNotFoundException(orderNumber));
    }

    public OrderPage list(OrderQuery query) {
        return repository.list(query);
    }

    /** Creates an order; without an order number, the next one of the SO000123 sequence is given. */
    public SalesOrder create(SalesOrder draft, String caller) {
        SalesOrder order = prepareNew(draft, caller);
        while (true) {
            try {
                repository.create(order, null, context(caller));
                return order;
            } catch (OrderAlreadyExistsException e) {
                order = renumberOrRethrow(draft, order, e);
            }
        }
    }

    /**
     * Creates many orders whose numbers are given, each only if its number is free, in as few writes as the store
     * allows. Returns one outcome per draft, in the order given; drafts that break the order rules are not written.
     *
     * @throws IllegalArgumentException a draft has no number or a number repeats
     */
    public List<CreateOutcome> createAll(List<SalesOrder> drafts, String caller) {
        List<CreateOutcome> outcomes = new ArrayList<>(drafts.size());
        List<SalesOrder> prepared = new ArrayList<>(drafts.size());
        for (SalesOrder draft : drafts) {
            if (draft.orderNumber() == null) {
                throw new IllegalArgumentException("Orders created together need their numbers");
            }
            try {
                SalesOrder order = prepareNew(draft, caller);
                prepared.add(order);
                outcomes.add(new CreateOutcome(CreateOutcome.Kind.CREATED, order, null));
            } catch (ValidationException e) {
                outcomes.add(new CreateOutcome(CreateOutcome.Kind.INVALID, draft, e.getMessage()));
            }
        }
        Set<String> existing = new HashSet<>(repository.createAll(prepared, context(caller)).existing());
        if (!existing.isEmpty()) {
            outcomes.replaceAll(outcome -> outcome.kind() == CreateOutcome.Kind.CREATED
                    && existing.contains(outcome.order().orderNumber())
                    ? new CreateOutcome(CreateOutcome.Kind.ALREADY_EXISTS, outcome.order(), null) : outcome);
        }
        return outcomes;
    }

    /** The stored orders of these numbers, by number; numbers without an order are left out. */
    public Map<String, SalesOrder> findAll(Collection<String> orderNumbers) {
        return repository.findAll(orderNumbers);
    }

    /**
     * Creates an order at most once per idempotency key: the first call stores its response together with the
     * order, atomically; a retry with the same request gets that response back, a different request is refused.
     */
    public StoredResponse createIdempotently(SalesOrder draft, String caller, String scopedKey, String requestHash,
                                             Function<SalesOrder, StoredResponse> render) {
        Optional<StoredResponse> replay = replay(scopedKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        SalesOrder order = prepareNew(draft, caller);
        while (true) {
            StoredResponse response = render.apply(order);
            Instant expires = now().plus(IDEMPOTENCY_WINDOW);
            try {
                repository.create(order, new IdempotencyRecord(scopedKey, requestHash, response, expires),
                        context(caller));
                return response;
            } catch (OrderAlreadyExistsException e) {
                order = renumberOrRethrow(draft, order, e);
            } catch (IdempotencyKeyInUseException e) {
                return replay(scopedKey, requestHash).orElseThrow(() -> e);
            }
        }
    }

    public SalesOrder updateHeader(String orderNumber, long expectedVersion, ShipTo shipTo, String wave,
                                   LocalDate orderDate, String currency, Totals totals, String notes, String caller) {
        return edit(orderNumber, expectedVersion, caller, order -> order.withHeader(shipTo, wave,
                orderDate == null ? order.orderDate() : orderDate, currency, totals, notes));
    }

    /** Adds a line; line number 0 means "the next free one". */
    public SalesOrder addLine(String orderNumber, long expectedVersion, OrderLine line, String caller) {
        return edit(orderNumber, expectedVersion, caller, order -> {
            OrderLine numbered = line.lineNumber() == 0 ? withNumber(line, order.nextLineNumber()) : line;
            if (order.line(numbered.lineNumber()).isPresent()) {
                throw new ValidationException("lineNumber", "line " + numbered.lineNumber() + " already exists");
            }
            checkLine(numbered);
            List<OrderLine> lines = new ArrayList<>(order.lines());
            lines.add(numbered);
            return order.withLines(lines);
        });
    }

    /** Replaces what a person may change on a line: SKU, description, quantity ordered, unit price. */
    public SalesOrder updateLine(String orderNumber, int lineNumber, long expectedVersion, String sku,
                                 String description, int quantityOrdered, java.math.BigDecimal unitPrice,
                                 String caller) {
        return edit(orderNumber, expectedVersion, caller, order -> {
            OrderLine current = order.line(lineNumber).orElseThrow(() -> lineNotFound(orderNumber, lineNumber));
            OrderLine changed = new OrderLine(lineNumber, sku, description, quantityOrdered,
                    current.quantityAllocated(), current.quantityPicked(), current.quantityShort(), unitPrice);
            checkLine(changed);
            return order.withLines(order.lines().stream()
                    .map(l -> l.lineNumber() == lineNumber ? changed : l).toList());
        });
    }

    public SalesOrder deleteLine(String orderNumber, int lineNumber, long expectedVersion, String caller) {
        return edit(orderNumber, expectedVersion, caller, order -> {
            order.line(lineNumber).orElseThrow(() -> lineNotFound(orderNumber, lineNumber));
            if (order.lineCount() == 1) {
                throw new OrderStateException("Line " + lineNumber + " is the only line of " + orderNumber
                        + "; an order keeps at least one line (delete the order instead)");
            }
            return order.withLines(order.lines().stream().filter(l -> l.lineNumber() != lineNumber).toList());
        });
    }

    public SalesOrder changeStatus(String orderNumber, long expectedVersion, OrderStatus target, String reason,
                                   String caller) {
        SalesOrder current = load(orderNumber, expectedVersion);
        if (!current.status().canMoveTo(target)) {
            throw new OrderStateException("Sales order " + orderNumber + " cannot go from " + current.status()
                    + " to " + target + (current.status().allowedNext().isEmpty() ? " (" + current.status()
                    + " is final)" : "; allowed: " + current.status().allowedNext()));
        }
        return save(current, current.withStatus(target, reason), caller);
    }

    public void delete(String orderNumber, long expectedVersion) {
        delete(orderNumber, expectedVersion, null);
    }

    /** Deletes the order, recording {@code caller} in its history. */
    public void delete(String orderNumber, long expectedVersion, String caller) {
        SalesOrder current = load(orderNumber, expectedVersion);
        if (!current.status().allowsDelete()) {
            throw new OrderStateException("Sales order " + orderNumber + " is " + current.status()
                    + "; it can no longer be deleted");
        }
        repository.delete(current, context(caller));
    }

    /** Times are kept to the millisecond: enough to order changes, and tidy in JSON. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The order imported for this external order of this channel connection, if there is one. */
    public Optional<SalesOrder> findByExternalOrder(String channelConnectionId, String externalOrderId) {
        return repository.findOrderNumberByExternalId(channelConnectionId, externalOrderId)
                .flatMap(repository::find);
    }

    /**
     * Saves a change a marketplace made to its order (ship-to, lines, totals, status), validated like every other
     * change. The caller decides what the channel may still change; the write requires {@code expectedVersion}.
     */
    public SalesOrder saveFromChannel(SalesOrder changed, long expectedVersion, String caller) {
        if (!changed.channel().isMarketplace()) {
            throw new OrderStateException("Sales order " + changed.orderNumber() + " is not a marketplace order");
        }
        return save(load(changed.orderNumber(), expectedVersion), changed, caller);
    }

    /**
     * Replaces an order's ship-to, order date, currency, notes and lines in one versioned write (the workbook
     * import's upsert). Like every edit, only while the order is AVAILABLE or ON_HOLD.
     */
    public SalesOrder replaceContent(String orderNumber, long expectedVersion, SalesOrder content, String caller) {
        return edit(orderNumber, expectedVersion, caller, order -> order.withHeader(content.shipTo(), order.wave(),
                        content.orderDate() == null ? order.orderDate() : content.orderDate(), content.currency(),
                        order.totals(), content.notes())
                .withLines(content.lines()));
    }

    private SalesOrder edit(String orderNumber, long expectedVersion, String caller, UnaryOperator<SalesOrder> change) {
        SalesOrder current = load(orderNumber, expectedVersion);
        if (!current.status().allowsEdits()) {
            throw new OrderStateException("Sales order " + orderNumber + " is " + current.status()
                    + "; it can be changed only while AVAILABLE or ON_HOLD");
        }
        return save(current, change.apply(current), caller);
    }

    private SalesOrder load(String orderNumber, long expectedVersion) {
        SalesOrder current = get(orderNumber);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(orderNumber, expectedVersion, current.version());
        }
        return current;
    }

    private SalesOrder save(SalesOrder current, SalesOrder changed, String caller) {
        SalesOrder order = changed.normalised();
        OrderRules.validate(order);
        SalesOrder stamped = order.changedBy(caller, now());
        repository.update(current, stamped, context(caller));
        return stamped;
    }

    private ChangeContext context(String caller) {
        return new ChangeContext(caller, source);
    }

    private SalesOrder prepareNew(SalesOrder draft, String caller) {
        Instant now = now();
        SalesOrder order = new SalesOrder(draft.orderNumber(),
                draft.channel() == null ? Channel.MANUAL : draft.channel(),
                draft.channelConnectionId(), draft.externalOrderId(),
                draft.status() == null ? OrderStatus.AVAILABLE : draft.status(), draft.statusReason(),
                draft.wave(), draft.orderDate() == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : draft.orderDate(),
                draft.shipTo(), draft.currency(), draft.totals(), draft.notes(), draft.lines(),
                0, now, caller, now, caller).normalised();
        List<FieldError> errors = OrderRules.check(order, new ArrayList<>());
        if (order.orderNumber() == null) {
            errors.removeIf(e -> e.field().equals("orderNumber"));
        }
        if (order.status() != OrderStatus.AVAILABLE && order.status() != OrderStatus.ON_HOLD) {
            errors.add(new FieldError("status", "a new order starts AVAILABLE or ON_HOLD"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (order.orderNumber() == null) {
            order = order.withOrderNumber(nextOrderNumber());
        }
        return order.createdBy(caller, now);
    }

    private SalesOrder renumberOrRethrow(SalesOrder draft, SalesOrder attempt, OrderAlreadyExistsException e) {
        if (draft.orderNumber() != null) {
            throw e;
        }
        // Someone took a sequence number by hand; move on to the next one.
        return attempt.withOrderNumber(nextOrderNumber());
    }

    private String nextOrderNumber() {
        return String.format("SO%06d", repository.nextOrderSequence());
    }

    private Optional<StoredResponse> replay(String scopedKey, String requestHash) {
        Optional<IdempotencyRecord> record = repository.findIdempotencyRecord(scopedKey)
                .filter(r -> !r.isExpired(now()));
        if (record.isPresent() && !record.get().requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return record.map(IdempotencyRecord::response);
    }

    private static void checkLine(OrderLine line) {
        List<FieldError> errors = new ArrayList<>();
        OrderRules.checkLine(line.normalised(), "", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static OrderLine withNumber(OrderLine line, int number) {
        return new OrderLine(number, line.sku(), line.description(), line.quantityOrdered(),
                line.quantityAllocated(), line.quantityPicked(), line.quantityShort(), line.unitPrice());
    }

    private static OrderNotFoundException lineNotFound(String orderNumber, int lineNumber) {
        return new OrderNotFoundException(orderNumber + " line " + lineNumber);
    }
}
