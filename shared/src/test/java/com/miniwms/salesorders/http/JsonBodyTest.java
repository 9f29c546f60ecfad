package com.miniwms.salesorders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {
    record Line(String sku, Integer quantity, BigDecimal price) {
    }

    record Body(String name, List<Line> lines) {
    }

    private static ApiRequest request(String body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false)
                .withHeaders(Map.of("content-type", "application/json")).build());
    }

    private static HttpException failure(String body) {
        try {
            JsonBody.read(request(body), Body.class, Set.of("version"));
        } catch (HttpException e) {
            return e;
        }
        throw new AssertionError("accepted " + body);
    }

    @Test
    void readsAWellFormedBodyKeepingMoneyExact() {
        Body body = JsonBody.read(request("{\"name\":\"x\",\"lines\":[{\"sku\":\"1628437592043\",\"quantity\":2,"
                + "\"price\":\"9.90\"},{\"sku\":\"B\",\"quantity\":1,\"price\":0.1}]}"), Body.class, Set.of());

        assertThat(body.lines().get(0).price()).isEqualTo(new BigDecimal("9.90"));
        assertThat(body.lines().get(1).price()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void readsABase64EncodedBody() {
        String encoded = Base64.getEncoder().encodeToString("{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(encoded)
                .withIsBase64Encoded(true).build());

        assertThat(JsonBody.read(request, Body.class, Set.of()).name()).isEqualTo("é");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"x\",\"lines\":[{\"sku\":1628437592043}]}|lines[0].sku|must be text",
            "{\"name\":\"x\",\"lines\":[{\"quantity\":\"5\"}]}|lines[0].quantity|whole number",
            "{\"name\":\"x\",\"lines\":[{\"quantity\":1.5}]}|lines[0].quantity|whole number",
            "{\"name\":\"x\",\"lines\":[{\"price\":\"abc\"}]}|lines[0].price|decimal number",
            "{\"name\":\"x\",\"colour\":\"red\"}|colour|not a known field",
            "{\"name\":\"x\",\"version\":3}|version|the service sets it",
            "{\"name\":\"x\",\"lines\":{}}|lines|must be an array",
    })
    void wrongTypesAndUnknownFieldsNameTheField(String body, String field, String message) {
        HttpException e = failure(body);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":|not valid JSON",
            "{\"name\":\"a\",\"name\":\"b\"}|not valid JSON",
            "{\"name\":\"a\"} trailing|not valid JSON",
            "[1,2]|must be a JSON object",
            "\"text\"|must be a JSON object",
    })
    void malformedBodiesAreA400ThatSaysWhy(String body, String message) {
        HttpException e = failure(body);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThat(failure("").getMessage()).contains("JSON body is required");
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        String big = "{\"name\":\"" + "x".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";

        assertThat(failure(big).status()).isEqualTo(413);
    }

    @Test
    void aNonJsonContentTypeIs415() {
        ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody("name=x")
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded")).build());

        assertThatThrownBy(() -> JsonBody.read(request, Body.class, Set.of()))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415));
    }
}
