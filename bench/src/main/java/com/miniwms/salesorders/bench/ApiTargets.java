package com.miniwms.salesorders.bench;

import com.miniwms.salesorders.bench.launcher.NoOpHandler;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.SamEvent;
import com.miniwms.salesorders.local.emulator.SamFunction;
import com.miniwms.salesorders.local.emulator.SamTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handlers the benchmark starts, found in the template by their routes: GetOrder is the function serving
 * {@code GET /orders/{orderNumber}}, CreateOrder the one serving {@code POST /orders}; the no-op baseline runs with
 * GetOrder's artifact, event and environment.
 */
public final class ApiTargets {
    public static final String NO_OP = "NoOp";
    public static final String GET_ORDER = "GetOrder";
    public static final String CREATE_ORDER = "CreateOrder";

    /** The option the template gives every function in {@code JAVA_TOOL_OPTIONS}. */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private final SamFunction readFunction;
    private final SamFunction writeFunction;
    private final Path projectRoot;

    private ApiTargets(SamFunction readFunction, SamFunction writeFunction, Path projectRoot) {
        this.readFunction = readFunction;
        this.writeFunction = writeFunction;
        this.projectRoot = projectRoot;
    }

    public static ApiTargets find(SamTemplate template, Path projectRoot) {
        return new ApiTargets(serving(template, "GET", "/orders/{orderNumber}"),
                serving(template, "POST", "/orders"), projectRoot);
    }

    public SamFunction readFunction() {
        return readFunction;
    }

    public SamFunction writeFunction() {
        return writeFunction;
    }

    public Path artifact(SamFunction function) {
        if (function.codeUri() == null) {
            throw new IllegalStateException(function.logicalId() + " has no plain CodeUri");
        }
        return projectRoot.resolve(function.codeUri()).normalize();
    }

    public Path getOrderEvent() {
        return event("get-order.json");
    }

    public Path createOrderEvent() {
        return event("create-order.json");
    }

    /**
     * The options {@code JAVA_TOOL_OPTIONS} gives GetOrder's function in the template (the same Globals entry
     * applies to both API functions), split at white space; empty when the template sets none.
     */
    public List<String> templateJvmOptions() {
        Object value = readFunction.environment().get(JAVA_TOOL_OPTIONS);
        if (!(value instanceof String text) || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).toList();
    }

    /** NoOp, GetOrder and CreateOrder, with their functions' environments on the emulator. */
    public List<ColdTarget> coldTargets(LocalAws aws) {
        Map<String, String> readEnvironment = environment(aws, readFunction);
        Map<String, String> writeEnvironment = environment(aws, writeFunction);
        return List.of(
                new ColdTarget(NO_OP, NoOpHandler.class.getName(), readFunction.logicalId(), artifact(readFunction),
                        getOrderEvent(), 200, false, readEnvironment),
                new ColdTarget(GET_ORDER, readFunction.handlerClass(), readFunction.logicalId(),
                        artifact(readFunction), getOrderEvent(), 200, false, readEnvironment),
                new ColdTarget(CREATE_ORDER, writeFunction.handlerClass(), writeFunction.logicalId(),
                        artifact(writeFunction), createOrderEvent(), 201, true, writeEnvironment));
    }

    /**
     * What a fresh JVM of the function sees: the template's variables resolved on the emulator (without
     * {@code JAVA_TOOL_OPTIONS}, which the benchmark varies on the command line), the emulator's endpoint and
     * region, and its test credentials when the emulator is the one started here.
     */
    static Map<String, String> environment(LocalAws aws, SamFunction function) {
        Map<String, String> environment = new LinkedHashMap<>(aws.stack().environment(function));
        environment.remove(JAVA_TOOL_OPTIONS);
        Map<String, String> properties = aws.systemProperties();
        environment.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        environment.put("AWS_REGION", properties.get("aws.region"));
        if (properties.containsKey("aws.accessKeyId")) {
            environment.put("AWS_ACCESS_KEY_ID", properties.get("aws.accessKeyId"));
            environment.put("AWS_SECRET_ACCESS_KEY", properties.get("aws.secretAccessKey"));
        }
        return environment;
    }

    private Path event(String name) {
        Path file = projectRoot.resolve("events/orders-api").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Sample event " + file + " is missing");
        }
        return file;
    }

    private static SamFunction serving(SamTemplate template, String method, String path) {
        for (SamFunction function : template.functions()) {
            for (SamEvent event : function.eventsOfType("HttpApi")) {
                boolean sameMethod = event.string("Method").map(m -> m.toUpperCase(Locale.ROOT).equals(method))
                        .orElse(false);
                if (sameMethod && event.string("Path").map(path::equals).orElse(false)) {
                    return function;
                }
            }
        }
        throw new IllegalStateException("No function in the template serves " + method + " " + path);
    }
}
