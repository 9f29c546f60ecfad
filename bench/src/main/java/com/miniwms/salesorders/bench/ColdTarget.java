package com.miniwms.salesorders.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * A handler started cold: the class the launcher builds, the artifact it comes from, the sample event it gets and
 * the environment its function has (the template's variables as resolved on the emulator, plus endpoint, region
 * and credentials).
 *
 * @param name what the report calls it: {@code NoOp}, {@code GetOrder}, {@code CreateOrder}
 * @param handlerClass the class built with its no-arg constructor
 * @param functionLogicalId the template function whose artifact and environment are used
 * @param artifact the function artifact ({@code CodeUri}) on the class path after the launcher
 * @param sampleEvent the event JSON under {@code events/}
 * @param expectedStatus the status a working handler answers with
 * @param createsOrder whether each run needs an event of its own (a new order number and idempotency key)
 * @param environment environment variables of the fresh JVM
 */
public record ColdTarget(String name, String handlerClass, String functionLogicalId, Path artifact, Path sampleEvent,
                         int expectedStatus, boolean createsOrder, Map<String, String> environment) {

    public ColdTarget {
        environment = Map.copyOf(environment);
    }
}
