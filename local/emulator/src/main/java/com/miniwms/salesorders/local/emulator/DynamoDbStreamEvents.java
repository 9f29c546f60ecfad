package com.miniwms.salesorders.local.emulator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB stream records as Lambda's event source mapping hands them to a function: a {@link DynamodbEvent} with
 * {@code eventSource} {@code aws:dynamodb}, the region, the stream ARN as {@code eventSourceARN} and the images in
 * Lambda's event model.
 */
public final class DynamoDbStreamEvents {

    private DynamoDbStreamEvents() {
    }

    /** One batch as the function receives it. */
    public static DynamodbEvent event(List<Record> records, String streamArn, String region) {
        DynamodbEvent event = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record record : records) {
            converted.add(record(record, streamArn, region));
        }
        event.setRecords(converted);
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord record(Record record, String streamArn, String region) {
        DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
        r.setEventID(record.eventID());
        r.setEventName(record.eventNameAsString());
        r.setEventVersion(record.eventVersion() == null ? "1.1" : record.eventVersion());
        r.setEventSource("aws:dynamodb");
        r.setAwsRegion(region);
        r.setEventSourceARN(streamArn);
        StreamRecord stream = new StreamRecord();
        var source = record.dynamodb();
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        try {
            if (source.streamViewTypeAsString() != null) {
                stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                        .fromValue(source.streamViewTypeAsString()));
            }
        } catch (IllegalArgumentException unknown) {
            // left out, as a view type Lambda's model does not know
        }
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        stream.setKeys(image(source.keys()));
        if (source.hasNewImage()) {
            stream.setNewImage(image(source.newImage()));
        }
        if (source.hasOldImage()) {
            stream.setOldImage(image(source.oldImage()));
        }
        r.setDynamodb(stream);
        return r;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                new LinkedHashMap<>();
        if (item != null) {
            item.forEach((name, value) -> image.put(name, value(value)));
        }
        return image;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(true);
            case M -> out.setM(image(v.m()));
            case L -> out.setL(v.l().stream().map(DynamoDbStreamEvents::value).toList());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case B -> out.setB(v.b().asByteBuffer());
            case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
            default -> out.setNULL(true);
        }
        return out;
    }

    /** Every record on the stream so far, shard by shard, from the oldest (for tests). */
    public static List<Record> readAll(DynamoDbStreamsClient streams, String streamArn) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                records.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        return records;
    }
}
