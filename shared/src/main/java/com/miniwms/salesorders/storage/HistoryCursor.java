package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page token of an order's history: the sort key of the last entry returned. The partition always comes from
 * the order number in the path, so a token cannot read another order's history; a token that is not a sort key of
 * the history layout is a 400.
 */
final class HistoryCursor {
    private HistoryCursor() {
    }

    static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        String sortKey;
        try {
            sortKey = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!HistoryItemMapper.SORT_KEY.matcher(sortKey).matches()) {
            throw invalid();
        }
        return sortKey;
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor", "is not a page token of this history; start again without it");
    }
}
