package com.miniwms.salesorders.bench.launcher;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The least a handler may ask of its {@link Context}. Log lines go to a stream of the caller's choosing. */
public final class LauncherContext implements Context {
    private static final int TIMEOUT_MILLIS = 20_000;
    private static final int MEMORY_MB = 1024;

    private final String requestId;
    private final String functionName;
    private final LambdaLogger logger;
    private final long deadlineNanos;

    public LauncherContext(String requestId, String functionName, PrintStream log) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.logger = log == null ? new DiscardingLogger() : new StreamLogger(log);
        this.deadlineNanos = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "bench";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record StreamLogger(PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            out.println(message);
        }

        @Override
        public void log(byte[] message) {
            out.println(new String(message, StandardCharsets.UTF_8));
        }
    }

    private static final class DiscardingLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            // discarded
        }

        @Override
        public void log(byte[] message) {
            // discarded
        }
    }
}
