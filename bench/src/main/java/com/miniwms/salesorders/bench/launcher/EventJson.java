package com.miniwms.salesorders.bench.launcher;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event and response JSON as the Lambda Java runtime handles them: the event is bound to the handler's input type
 * before the call and the response written back as JSON after it. Uses a plain mapper of its own (not the
 * function's configured one), with the Jackson that the function artifact carries.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static APIGatewayV2HTTPEvent read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event " + file, e);
        }
    }

    public static APIGatewayV2HTTPEvent read(byte[] json) {
        try {
            return MAPPER.readValue(json, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the event JSON", e);
        }
    }

    public static byte[] write(APIGatewayV2HTTPResponse response) {
        try {
            return MAPPER.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the response as JSON", e);
        }
    }
}
