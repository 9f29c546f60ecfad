package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.miniwms.salesorders.local.emulator.SamEvent;
import com.miniwms.salesorders.local.emulator.SamFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How stream batches reach a function locally: Lambda's retry, partial failure and bisect rules. */
class DynamoDbStreamTriggerKindTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026";

    private final List<List<String>> invocations = new ArrayList<>();

    private static List<Record> records(int count) {
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(Record.builder().eventID("e" + i).eventName(OperationType.INSERT)
                    .dynamodb(StreamRecord.builder().sequenceNumber("s" + i)
                            .keys(Map.of("pk", AttributeValue.fromS("K" + i)))
                            .newImage(Map.of("pk", AttributeValue.fromS("K" + i))).build()).build());
        }
        return records;
    }

    private DynamoDbStreamTriggerKind.StreamPoller poller(
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler, Map<String, Object> properties) {
        RequestHandler<DynamodbEvent, StreamsEventResponse> recording = (event, context) -> {
            invocations.add(event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList());
            assertThat(event.getRecords()).allSatisfy(r -> {
                assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
                assertThat(r.getEventSourceARN()).isEqualTo(ARN);
            });
            return handler.handleRequest(event, context);
        };
        SamFunction definition = new SamFunction("Events", "test.Handler::handleRequest", null, "java21", 5, 256,
                Map.of(), List.of(), Map.of());
        return new DynamoDbStreamTriggerKind.StreamPoller(LocalFunction.of(definition, recording),
                new SamEvent("Stream", "DynamoDB", properties), ARN, "us-east-1", null);
    }

    @Test
    void aReportedFailureRetriesTheBatchFromThatRecord() {
        List<String> failOnce = new ArrayList<>(List.of("s3"));
        var poller = poller((event, context) -> {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var r : event.getRecords()) {
                if (failOnce.remove(r.getDynamodb().getSequenceNumber())) {
                    failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
                }
            }
            return new StreamsEventResponse(failures);
        }, Map.of("FunctionResponseTypes", List.of("ReportBatchItemFailures"), "MaximumRetryAttempts", 3));

        poller.deliver(records(5));

        assertThat(invocations).containsExactly(List.of("s1", "s2", "s3", "s4", "s5"), List.of("s3", "s4", "s5"));
    }

    @Test
    void aFunctionErrorBisectsTheBatchAndAPoisonRecordIsSkippedAfterItsRetries() {
        var poller = poller((event, context) -> {
            if (event.getRecords().stream().anyMatch(r -> r.getDynamodb().getSequenceNumber().equals("s2"))) {
                throw new IllegalStateException("poison");
            }
            return new StreamsEventResponse(List.of());
        }, Map.of("BisectBatchOnFunctionError", true, "MaximumRetryAttempts", 1));

        poller.deliver(records(4));

        assertThat(invocations).containsExactly(List.of("s1", "s2", "s3", "s4"), List.of("s1", "s2"), List.of("s1"),
                List.of("s2"), List.of("s2"), List.of("s3", "s4"));
    }
}
