package com.miniwms.salesorders.config;

/**
 * Reads a setting from the environment, falling back to the JVM system property of the same name (so one
 * process can host several functions, as the local runtime does).
 */
public final class Settings {
    private Settings() {
    }

    public static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    public static String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException("Setting " + name + " is missing (environment variable or system property)");
        }
        return value;
    }
}
