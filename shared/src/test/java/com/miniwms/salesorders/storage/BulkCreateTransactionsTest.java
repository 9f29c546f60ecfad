package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.ChangeSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link DynamoDbOrderRepository#createAll} groups orders into transactions and reads their cancellations. */
class BulkCreateTransactionsTest {
    private static final ChangeContext IMPORT = new ChangeContext("importer", ChangeSource.IMPORT);

    private final RecordingDynamo dynamo = new RecordingDynamo();
    private final DynamoDbOrderRepository repository = new DynamoDbOrderRepository(dynamo, "orders");

    private static SalesOrder order(int n, String notes) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        return new SalesOrder("SO" + n, Channel.EXCEL, null, null, OrderStatus.AVAILABLE, null, null,
                LocalDate.of(2026, 12, 3), new ShipTo("Buyer " + n, "1 Main St", null, null, "Leeds", null, "LS1 1AA",
                "GB", null, null), null, null, notes, List.of(OrderLine.of(1, "SKU" + n, null, 1, null)), 1, at,
                "importer", at, "importer");
    }

    private static List<SalesOrder> orders(int count, String notes) {
        return IntStream.range(0, count).mapToObj(n -> order(n, notes)).toList();
    }

    @Test
    void ordersGoInTransactionsOfAtMostAHundredItemsEachOrderWithItsHistory() {
        BulkCreateResult result = repository.createAll(orders(120, null), IMPORT);

        assertThat(dynamo.calls).extracting(List::size).containsExactly(100, 100, 40);
        assertThat(result.created()).hasSize(120);
        assertThat(dynamo.calls.getFirst().get(1).put().item().get("pk").s()).startsWith("HISTORY#");
        assertThat(dynamo.calls).allSatisfy(call -> assertThat(call).allSatisfy(write ->
                assertThat(write.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)")));
    }

    @Test
    void largeOrdersAreSplitBeforeATransactionWouldPassFourMegabytes() {
        String notes = "x".repeat(600_000);

        repository.createAll(orders(12, notes), IMPORT);

        // The notes are in the order and again in its history entry: 1.2 MB an order, so two a transaction.
        assertThat(dynamo.calls).extracting(List::size).containsExactly(4, 4, 4, 4, 4, 4);
        assertThat(dynamo.calls).allSatisfy(call -> assertThat(call.stream()
                .mapToLong(write -> ItemSize.of(write.put().item())).sum()).isLessThan(4L << 20));
    }

    @Test
    void takenNumbersAreSetAsideAndTheRestWrittenAgain() {
        dynamo.answers.add(request -> cancelled(request, 2, "ConditionalCheckFailed"));

        BulkCreateResult result = repository.createAll(orders(5, null), IMPORT);

        assertThat(result.existing()).containsExactly("SO1");
        assertThat(result.created()).containsExactly("SO0", "SO2", "SO3", "SO4");
        assertThat(dynamo.calls).extracting(List::size).containsExactly(10, 8);
    }

    @Test
    void aTransactionCancelledForContentionIsRetriedWhole() {
        dynamo.answers.add(request -> cancelled(request, 3, "TransactionConflict"));
        dynamo.answers.add(request -> cancelled(request, 0, "ThrottlingError"));

        BulkCreateResult result = repository.createAll(orders(4, null), IMPORT);

        assertThat(result.created()).hasSize(4);
        assertThat(dynamo.calls).extracting(List::size).containsExactly(8, 8, 8);
        assertThat(dynamo.tokens).doesNotHaveDuplicates();
    }

    @Test
    void aCancellationThatRetryingCannotMendIsThrown() {
        dynamo.answers.add(request -> cancelled(request, 1, "ValidationError"));

        assertThatThrownBy(() -> repository.createAll(orders(3, null), IMPORT))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(dynamo.calls).hasSize(1);
    }

    @Test
    void ordersWithoutNumbersOrWithExternalIdsOrRepeatedAreRefusedBeforeAnyWrite() {
        SalesOrder external = new SalesOrder("SO9", Channel.SHOPIFY, "shop", "gid-1", OrderStatus.AVAILABLE, null,
                null, null, order(9, null).shipTo(), null, null, null, order(9, null).lines(), 1, null, null, null,
                null);

        assertThatThrownBy(() -> repository.createAll(List.of(order(1, null), order(1, null)), IMPORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO1");
        assertThatThrownBy(() -> repository.createAll(List.of(external), IMPORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("external");
        assertThat(dynamo.calls).isEmpty();
    }

    private static TransactionCanceledException cancelled(TransactWriteItemsRequest request, int at, String code) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < request.transactItems().size(); i++) {
            reasons.add(CancellationReason.builder().code(i == at ? code : "None").build());
        }
        return TransactionCanceledException.builder().message("Transaction cancelled").cancellationReasons(reasons)
                .build();
    }

    /** Records each transaction; answers from a queue of failures, then succeeds. */
    private static final class RecordingDynamo implements DynamoDbClient {
        final List<List<TransactWriteItem>> calls = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final Deque<Function<TransactWriteItemsRequest, TransactionCanceledException>> answers = new ArrayDeque<>();

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            calls.add(request.transactItems());
            tokens.add(request.clientRequestToken());
            if (!answers.isEmpty()) {
                throw answers.removeFirst().apply(request);
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
