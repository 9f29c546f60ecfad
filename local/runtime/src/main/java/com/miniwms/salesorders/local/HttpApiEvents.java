package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the payload-2.0 event that API Gateway HTTP APIs send to a Lambda function. */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String accountId;
    private final String apiId;
    private final Clock clock;

    HttpApiEvents(String accountId, String apiId, Clock clock) {
        this.accountId = accountId;
        this.apiId = apiId;
        this.clock = clock;
    }

    /**
     * @param request the request as received
     * @param match the route it matched, with decoded path parameters
     * @param requestId the request id ({@code requestContext.requestId})
     * @param jwt claims and scopes of a checked token, or {@code null} when the route has no authorizer
     */
    APIGatewayV2HTTPEvent build(IncomingRequest request, RouteTable.Match match, String requestId,
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt) {
        Instant now = clock.instant();
        Map<String, String> headers = headers(request.headers());
        List<String> cookies = cookies(request.headers());
        headers.remove("cookie");
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", Integer.toString(request.port()));
        headers.putIfAbsent("x-amzn-trace-id", traceId(now));

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(match.route().routeKey());
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        Map<String, String> query = queryParameters(request.rawQuery());
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setPathParameters(match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()));

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            if (isTextual(headers.get("content-type"))) {
                event.setBody(new String(body, StandardCharsets.UTF_8));
                event.setIsBase64Encoded(false);
            } else {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        }

        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method().toUpperCase(Locale.ROOT));
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(headers.get("user-agent"));

        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(accountId);
        context.setApiId(apiId);
        context.setDomainName(request.host());
        context.setDomainPrefix(domainPrefix(request.host()));
        context.setHttp(http);
        context.setRequestId(requestId);
        context.setRouteKey(match.route().routeKey());
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        if (jwt != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                    new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return event;
    }

    /** Header names lower-cased; a header sent more than once has its values joined with commas. */
    static Map<String, String> headers(List<Map.Entry<String, String>> lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> line : lines) {
            headers.merge(line.getKey().toLowerCase(Locale.ROOT), line.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }

    /** The cookies of every {@code Cookie} header, one entry per {@code name=value}. */
    static List<String> cookies(List<Map.Entry<String, String>> lines) {
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> line : lines) {
            if (line.getKey().equalsIgnoreCase("cookie")) {
                for (String cookie : line.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            }
        }
        return cookies;
    }

    /**
     * Decoded query parameters; a key given more than once has its values joined with commas.
     *
     * @throws IllegalArgumentException for malformed percent-encoding
     */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(key, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /**
     * True when API Gateway passes the body as text: {@code text/*}, {@code application/json},
     * {@code application/*+json}, {@code application/xml} and {@code application/x-www-form-urlencoded}. Anything
     * else, and a body without a content type, arrives base64-encoded.
     */
    static boolean isTextual(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json"))
                || type.equals("application/xml")
                || type.equals("application/x-www-form-urlencoded");
    }

    private static String domainPrefix(String host) {
        if (host == null || host.isEmpty()) {
            return host;
        }
        int dot = host.indexOf('.');
        return dot < 0 || Character.isDigit(host.charAt(0)) ? host : host.substring(0, dot);
    }

    private static String traceId(Instant now) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
