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
        // Most values are clean already, and most of the rest hold only plain spaces: both are settled without
        // the regular expression, which every order, line and imported cell would otherwise pay for.
        return switch (shape(value)) {
            case CLEAN -> value;
            case PLAIN_SPACES -> collapseSpaces(value);
            case OTHER -> {
                String collapsed = RUNS_OF_SPACE.matcher(value).replaceAll(" ").strip();
                yield collapsed.isEmpty() ? null : collapsed;
            }
        };
    }

    /** Trims only, keeping line breaks (for free-text notes); blank becomes null. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private enum Shape { CLEAN, PLAIN_SPACES, OTHER }

    private static Shape shape(String value) {
        int last = value.length() - 1;
        boolean untidy = last < 0 || value.charAt(0) == ' ' || value.charAt(last) == ' ';
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (c == ' ') {
                untidy |= i < last && value.charAt(i + 1) == ' ';
            } else if (c < ' ' || c == 0x7F || c == '\u00A0' || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                return Shape.OTHER;
            }
        }
        return untidy ? Shape.PLAIN_SPACES : Shape.CLEAN;
    }

    /** Trimmed, each run of plain spaces made one; for text whose only white space is plain spaces. */
    private static String collapseSpaces(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
