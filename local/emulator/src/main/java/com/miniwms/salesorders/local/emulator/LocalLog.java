package com.miniwms.salesorders.local.emulator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One-line console messages of the local tooling, on standard error: {@code [local] WARN ...}.
 * System property or environment variable {@code LOCAL_LOG} = {@code debug}, {@code info} (default),
 * {@code warn} or {@code quiet}.
 */
public final class LocalLog {

    private enum Level { DEBUG, INFO, WARN, QUIET }

    private LocalLog() {
    }

    public static void debug(String message) {
        print(Level.DEBUG, message, null);
    }

    public static void info(String message) {
        print(Level.INFO, message, null);
    }

    public static void warn(String message) {
        print(Level.WARN, message, null);
    }

    public static void warn(String message, Throwable error) {
        print(Level.WARN, message, error);
    }

    /** Errors are always printed, with their stack trace. */
    public static void error(String message, Throwable error) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println("[local] ERROR " + message);
            if (error != null) {
                error.printStackTrace(err);
            }
        }
    }

    public static boolean debugEnabled() {
        return threshold() == Level.DEBUG;
    }

    private static void print(Level level, String message, Throwable error) {
        if (level.ordinal() < threshold().ordinal()) {
            return;
        }
        PrintStream err = System.err;
        synchronized (err) {
            err.println("[local] " + (level == Level.INFO ? "" : level + " ") + message);
            if (error != null) {
                if (threshold() == Level.DEBUG) {
                    error.printStackTrace(err);
                } else {
                    err.println("        " + error);
                }
            }
        }
    }

    private static Level threshold() {
        String value = System.getProperty("LOCAL_LOG", System.getenv("LOCAL_LOG"));
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Level.INFO;
        }
    }
}
