package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:05:07.123Z");
    private final HttpApiEvents events = new HttpApiEvents("123456789012", "abcdef1234",
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final RouteTable routes = new RouteTable(List.of(
            HttpRoute.open("POST", "/orders/{orderNumber}/lines/{lineNumber}", TestFunctions.noop()),
            HttpRoute.open("GET", "/files/{proxy+}", TestFunctions.noop())));

    private APIGatewayV2HTTPEvent event(String method, String rawPath, String rawQuery,
                                       List<Map.Entry<String, String>> headers, byte[] body) {
        IncomingRequest request = new IncomingRequest(method, rawPath, rawQuery, "HTTP/1.1", headers, body,
                "127.0.0.1", "127.0.0.1", 3000);
        return events.build(request, routes.find(method, rawPath).orElseThrow(), "req-1", null);
    }

    @Test
    void headersAreLowerCasedAndRepeatedHeadersJoinedWithCommas() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "", List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("X-Trace", "one"),
                Map.entry("x-trace", "two"),
                Map.entry("User-Agent", "curl/8.5"),
                Map.entry("Host", "127.0.0.1:3000")), new byte[0]);

        assertThat(event.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("x-trace", "one,two")
                .containsEntry("user-agent", "curl/8.5")
                .containsEntry("host", "127.0.0.1:3000")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "3000")
                .containsKey("x-amzn-trace-id");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
    }

    @Test
    void cookiesMoveFromTheHeaderToTheCookieList() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "", List.of(
                Map.entry("Cookie", "session=abc; theme=dark"),
                Map.entry("Cookie", "lang=en")), new byte[0]);

        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark", "lang=en");
        assertThat(event.getHeaders()).doesNotContainKey("cookie");
    }

    @Test
    void queryStringIsKeptRawAndDecodedWithRepeatedKeysJoined() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1",
                "status=HELD&status=OPEN&name=J%C3%BCrgen%20M&flag&q=a%26b", List.of(), new byte[0]);

        assertThat(event.getRawQueryString()).isEqualTo("status=HELD&status=OPEN&name=J%C3%BCrgen%20M&flag&q=a%26b");
        assertThat(event.getQueryStringParameters())
                .containsEntry("status", "HELD,OPEN")
                .containsEntry("name", "Jürgen M")
                .containsEntry("flag", "")
                .containsEntry("q", "a&b");
    }

    @Test
    void noQueryStringGivesNoParameters() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "", List.of(), new byte[0]);

        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void pathParametersAreDecodedAndTheRawPathIsKept() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO%2F2026%20A/lines/3", "", List.of(), new byte[0]);

        assertThat(event.getRawPath()).isEqualTo("/orders/SO%2F2026%20A/lines/3");
        assertThat(event.getPathParameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("orderNumber", "SO/2026 A", "lineNumber", "3"));
        assertThat(event.getRouteKey()).isEqualTo("POST /orders/{orderNumber}/lines/{lineNumber}");
    }

    @Test
    void aGreedyParameterTakesTheRestOfThePath() {
        APIGatewayV2HTTPEvent event = event("GET", "/files/imports/2026/orders%201.xlsx", "", List.of(),
                new byte[0]);

        assertThat(event.getPathParameters()).containsExactly(Map.entry("proxy", "imports/2026/orders 1.xlsx"));
        assertThat(event.getRouteKey()).isEqualTo("GET /files/{proxy+}");
    }

    @Test
    void textualBodiesArePassedAsText() {
        for (String type : List.of("application/json; charset=utf-8", "text/csv", "application/problem+json",
                "application/xml", "application/x-www-form-urlencoded", "TEXT/PLAIN")) {
            APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "",
                    List.of(Map.entry("Content-Type", type)), "{\"sku\":\"ÄB-1\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(event.getIsBase64Encoded()).as(type).isFalse();
            assertThat(event.getBody()).as(type).isEqualTo("{\"sku\":\"ÄB-1\"}");
        }
    }

    @Test
    void otherBodiesAreBase64Encoded() {
        byte[] workbook = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0x00};
        for (List<Map.Entry<String, String>> headers : List.of(
                List.of(Map.entry("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
                List.of(Map.entry("Content-Type", "application/octet-stream")),
                List.<Map.Entry<String, String>>of())) {
            APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "", headers, workbook);

            assertThat(event.getIsBase64Encoded()).as(headers.toString()).isTrue();
            assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(workbook);
        }
    }

    @Test
    void requestContextIsFilledAsApiGatewayFillsIt() {
        APIGatewayV2HTTPEvent event = event("POST", "/orders/SO-1/lines/1", "", List.of(
                Map.entry("User-Agent", "wms-screens/1.0")), new byte[0]);

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(context.getAccountId()).isEqualTo("123456789012");
        assertThat(context.getApiId()).isEqualTo("abcdef1234");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getRouteKey()).isEqualTo(event.getRouteKey());
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTime()).isEqualTo("03/Dec/2026:09:05:07 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/orders/SO-1/lines/1");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("wms-screens/1.0");
        assertThat(context.getAuthorizer()).isNull();
    }

    @Test
    void malformedEncodingIsRejected() {
        assertThatThrownBy(() -> routes.find("POST", "/orders/SO%G1/lines/1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpApiEvents.queryParameters("a=%zz"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
