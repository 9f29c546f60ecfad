package com.miniwms.salesorders.http;

/** The order version as a strong entity tag, and the If-Match precondition that every change needs. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the caller last read, from If-Match: 428 when absent, 400 when it is not one of our tags. */
    public static long requireIfMatch(ApiRequest request) {
        String header = request.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new HttpException(428, "Precondition required",
                    "Send If-Match with the ETag of the order you read, so changes made meanwhile are not lost");
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HttpException.badParameter("If-Match", "must be the ETag of the order, such as \"3\"; got " + header);
    }
}
