package com.miniwms.salesorders.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the country values people and shops actually write ("GB", "UK", "GBR", "United Kingdom", "USA") into
 * ISO 3166-1 alpha-2 codes. Values it cannot place are returned unchanged so validation can report them.
 */
public final class Countries {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = buildIndex();

    private Countries() {
    }

    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        if (CODES.contains(value)) {
            return value;
        }
        String code = BY_NAME.get(key(value));
        return code != null ? code : value;
    }

    public static boolean isAlpha2Code(String value) {
        return value != null && CODES.contains(value);
    }

    private static Map<String, String> buildIndex() {
        Map<String, String> index = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = Locale.of("", alpha2);
            index.put(key(alpha2), alpha2);
            index.put(key(locale.getISO3Country()), alpha2);
            index.put(key(locale.getDisplayCountry(Locale.ENGLISH)), alpha2);
        }
        index.put(key("UK"), "GB");
        index.put(key("Great Britain"), "GB");
        index.put(key("England"), "GB");
        index.put(key("Scotland"), "GB");
        index.put(key("Wales"), "GB");
        index.put(key("Northern Ireland"), "GB");
        index.put(key("USA"), "US");
        index.put(key("U.S.A."), "US");
        index.put(key("U.S."), "US");
        index.put(key("United States of America"), "US");
        index.put(key("America"), "US");
        return Map.copyOf(index);
    }

    private static String key(String value) {
        return WHITE_SPACE.matcher(value.strip().toUpperCase(Locale.ROOT).replace(".", "")).replaceAll(" ");
    }
}
