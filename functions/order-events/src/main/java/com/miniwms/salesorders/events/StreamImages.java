package com.miniwms.salesorders.events;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stream images (Lambda's event model) as SDK attribute values, so the table's own mappers can read them. */
final class StreamImages {
    private StreamImages() {
    }

    static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((name, value) -> item.put(name, toSdk(value)));
        }
        return item;
    }

    static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(toSdk(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamImages::toSdk).toList());
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        return AttributeValue.fromNul(true);
    }

    /** The key attributes as text, for logs and dead letters. */
    static Map<String, String> keys(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> keys) {
        Map<String, String> text = new LinkedHashMap<>();
        if (keys != null) {
            keys.forEach((name, value) -> text.put(name, value.getS() != null ? value.getS() : value.getN()));
        }
        return text;
    }
}
