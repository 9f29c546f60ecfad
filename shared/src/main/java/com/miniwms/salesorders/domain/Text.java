package com.miniwms.salesorders.domain;

import java.util.regex.Pattern;

/** Text clean-up applied to every value before it is validated or stored. */
public final class Text {
    private static final Pattern RUNS_OF_SPACE = Pattern.compile("[\\s\\u00A0]+");

    private Text() {
    }

    /** Trims, collapses runs of white space (including no-break spaces) into one space; blank becomes null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = RUNS_OF_SPACE.matcher(value).replaceAll(" ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Trims only, keeping line breaks (for free-text notes); blank becomes null. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
