package com.miniwms.salesorders.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Variants of the sample CreateOrder event, so that every run really writes a new order: the body gets an order
 * number of its own (prefix, a tag of this benchmark run, a counter) and, when asked, a fresh
 * {@code Idempotency-Key}. The body keeps the sample's encoding (base64 or not).
 */
public final class OrderEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDEMPOTENCY_HEADER = "idempotency-key";

    private final ObjectNode sample;
    private final String runTag;
    private final AtomicInteger counter = new AtomicInteger();

    public OrderEvents(Path sampleEvent) {
        try {
            this.sample = (ObjectNode) JSON.readTree(sampleEvent.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sampleEvent, e);
        }
        this.runTag = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** A new order number: {@code prefix}, this run's tag, a counter. */
    public String nextOrderNumber(String prefix) {
        return prefix + runTag + "-" + counter.incrementAndGet();
    }

    /** The sample event for a new order; with {@code idempotencyKey} false the header is dropped. */
    public byte[] createEvent(String orderNumber, boolean idempotencyKey) {
        ObjectNode event = sample.deepCopy();
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        String bodyText = event.path("body").asText();
        if (base64) {
            bodyText = new String(Base64.getDecoder().decode(bodyText), StandardCharsets.UTF_8);
        }
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(bodyText);
            body.put("orderNumber", orderNumber);
            String written = JSON.writeValueAsString(body);
            event.put("body", base64
                    ? Base64.getEncoder().encodeToString(written.getBytes(StandardCharsets.UTF_8))
                    : written);
            JsonNode headers = event.path("headers");
            if (headers instanceof ObjectNode headerNode) {
                if (idempotencyKey) {
                    headerNode.put(IDEMPOTENCY_HEADER, UUID.randomUUID().toString());
                } else {
                    headerNode.remove(IDEMPOTENCY_HEADER);
                }
            }
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite the sample CreateOrder event", e);
        }
    }

    /** {@link #createEvent} with a new order number and idempotency key, written to a file in {@code dir}. */
    public Path writeCreateEvent(Path dir) {
        String orderNumber = nextOrderNumber("BC");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("create-order-" + orderNumber + ".json");
            Files.write(file, createEvent(orderNumber, true));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an event under " + dir, e);
        }
    }
}
