package com.miniwms.salesorders.bench;

/**
 * A warm request through a handler against the bare DynamoDB call it makes, per request in microseconds.
 *
 * @param name what was requested
 * @param handler the handler's description
 * @param bare the bare call's description
 * @param iterations timed requests of each (after the warm-up)
 * @param handlerMicros per-request times through the handler
 * @param bareMicros per-request times of the bare call
 * @param ratio the handler's median over the bare call's
 */
public record WarmResult(String name, String handler, String bare, int iterations, Stats handlerMicros,
                         Stats bareMicros, double ratio) {
}
