package com.miniwms.salesorders.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opaque page token: which step of the query plan, where in it, and a fingerprint of the filters. Decoding
 * checks that it continues this very query on the index and partition the plan says, so a token cannot be bent to
 * read anything else; anything wrong with it is a 400.
 */
record ListCursor(int step, Map<String, String> key, String fingerprint) {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static String fingerprintOf(OrderQuery query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(query.filterFingerprint().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("s", step);
        json.put("f", fingerprint);
        if (key != null) {
            json.put("k", key);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ListCursor decode(String token, OrderQuery query, ListPlan plan) {
        Map<String, Object> json;
        try {
            json = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(token), MAP);
        } catch (Exception e) {
            throw invalid();
        }
        if (!(json.get("s") instanceof Integer step) || step < 0 || step >= plan.steps().size()
                || !(json.get("f") instanceof String fingerprint) || !fingerprint.equals(fingerprintOf(query))) {
            throw invalid();
        }
        Object rawKey = json.get("k");
        if (rawKey == null) {
            return new ListCursor(step, null, fingerprint);
        }
        if (!(rawKey instanceof Map<?, ?> keyMap)) {
            throw invalid();
        }
        Map<String, String> key = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : keyMap.entrySet()) {
            if (!(e.getValue() instanceof String value)) {
                throw invalid();
            }
            key.put(String.valueOf(e.getKey()), value);
        }
        if (!plan.steps().get(step).accepts(key)) {
            throw invalid();
        }
        return new ListCursor(step, key, fingerprint);
    }

    Map<String, AttributeValue> exclusiveStartKey() {
        if (key == null) {
            return null;
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        key.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
        return start;
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor",
                "is not a page token of this list (it is damaged, or the filters changed); start again without it");
    }
}
