package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.SamFunction;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.UUID;

/**
 * One function of the template, hosted in this JVM: its handler class is instantiated once through its public
 * no-arg constructor (as Lambda does on a cold start) and invoked through {@link RequestHandler}.
 */
final class LocalFunction {

    private final SamFunction definition;
    private final String functionName;
    private final String region;
    private final String accountId;
    private volatile RequestHandler<Object, Object> handler;
    private volatile String loadError;

    LocalFunction(SamFunction definition, String stackName, String region, String accountId) {
        this.definition = definition;
        this.functionName = stackName + "-" + definition.logicalId();
        this.region = region;
        this.accountId = accountId;
    }

    /** A function around a handler instance that already exists (for tests). */
    static LocalFunction of(SamFunction definition, RequestHandler<?, ?> handler) {
        LocalFunction function = new LocalFunction(definition, "local", "us-east-1", "123456789012");
        function.handler = cast(handler);
        return function;
    }

    String logicalId() {
        return definition.logicalId();
    }

    String functionName() {
        return functionName;
    }

    SamFunction definition() {
        return definition;
    }

    String functionArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    boolean loaded() {
        return handler != null;
    }

    /** Why the handler is not loaded. */
    String unavailableReason() {
        return loadError == null ? "not loaded" : loadError;
    }

    /**
     * Instantiates the handler. A handler that cannot be loaded is reported here once; its routes then answer as a
     * failing function does.
     */
    void load() {
        if (handler != null) {
            return;
        }
        String className = definition.handlerClass();
        try {
            Class<?> type = Class.forName(className, true, classLoader());
            Object instance = type.getConstructor().newInstance();
            if (!(instance instanceof RequestHandler<?, ?> requestHandler)) {
                loadError = className + " does not implement " + RequestHandler.class.getName();
                LocalLog.warn("Function " + logicalId() + ": " + loadError);
                return;
            }
            handler = cast(requestHandler);
        } catch (ClassNotFoundException e) {
            loadError = "handler class " + className + " is not on the class path";
            LocalLog.warn("Function " + logicalId() + ": " + loadError + "; its routes will answer 500");
        } catch (InvocationTargetException e) {
            loadError = "the constructor of " + className + " failed: " + e.getCause();
            LocalLog.error("Function " + logicalId() + ": " + loadError, e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            loadError = "cannot instantiate " + className + ": " + e;
            LocalLog.error("Function " + logicalId() + ": " + loadError, e);
        }
    }

    /** A fresh invocation context with the template's timeout. */
    LambdaContext newContext() {
        return new LambdaContext(this, UUID.randomUUID().toString(),
                Duration.ofSeconds(definition.timeoutSeconds()));
    }

    /**
     * Invokes the handler.
     *
     * @throws IllegalStateException when the handler could not be loaded
     */
    Object invoke(Object event, LambdaContext context) {
        RequestHandler<Object, Object> current = handler;
        if (current == null) {
            throw new IllegalStateException("Function " + logicalId() + " is not available: "
                    + (loadError == null ? "not loaded" : loadError));
        }
        return current.handleRequest(event, context);
    }

    /**
     * The handler's input type (the first type argument of its {@link RequestHandler}), into which an invoke's JSON
     * payload is read; {@code Object} when the handler is not loaded or does not say.
     */
    java.lang.reflect.Type inputType() {
        RequestHandler<Object, Object> current = handler;
        if (current == null) {
            return Object.class;
        }
        for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof java.lang.reflect.ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        return Object.class;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> cast(RequestHandler<?, ?> handler) {
        return (RequestHandler<Object, Object>) handler;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LocalFunction.class.getClassLoader();
    }
}
