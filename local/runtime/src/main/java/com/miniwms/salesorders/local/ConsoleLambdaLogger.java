package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes what a function logs through its {@link LambdaLogger} to standard output, one entry a line. */
final class ConsoleLambdaLogger implements LambdaLogger {

    @Override
    public void log(String message) {
        if (message == null) {
            return;
        }
        PrintStream out = System.out;
        synchronized (out) {
            if (message.endsWith("\n")) {
                out.print(message);
            } else {
                out.println(message);
            }
            out.flush();
        }
    }

    @Override
    public void log(byte[] message) {
        if (message != null) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
