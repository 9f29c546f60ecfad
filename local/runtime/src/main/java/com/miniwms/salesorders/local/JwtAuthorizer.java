package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local stand-in for API Gateway's JWT authorizer: an HS256 bearer token signed with the local secret, not
 * expired, with at least one of the route's authorization scopes in its {@code scope} claim.
 */
final class JwtAuthorizer {

    enum Outcome { ALLOWED, UNAUTHORIZED, FORBIDDEN }

    /** The decision, with the claims and scopes API Gateway passes on when the request is allowed. */
    record Result(Outcome outcome, APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt, String reason) {
        static Result unauthorized(String reason) {
            return new Result(Outcome.UNAUTHORIZED, null, reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String secret;
    private final Clock clock;

    JwtAuthorizer(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("LOCAL_JWT_SECRET must be set when local auth is on");
        }
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param routeScopes the route's scopes; empty means any valid token is enough
     */
    Result check(String authorization, List<String> routeScopes) {
        if (authorization == null || authorization.isBlank()) {
            return Result.unauthorized("no Authorization header");
        }
        String token = authorization.trim();
        if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = token.substring(7).trim();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Result.unauthorized("not a JWT");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            header = JSON.readTree(DECODER.decode(parts[0]));
            claims = JSON.readTree(DECODER.decode(parts[1]));
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return Result.unauthorized("malformed token");
        }
        if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
            return Result.unauthorized("malformed token");
        }
        if (!LocalJwt.ALGORITHM.equals(header.path("alg").asText())) {
            return Result.unauthorized("algorithm is not " + LocalJwt.ALGORITHM);
        }
        byte[] expected = LocalJwt.hmac(secret, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            return Result.unauthorized("bad signature");
        }
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            return Result.unauthorized("no exp claim");
        }
        if (now >= exp.asLong()) {
            return Result.unauthorized("token expired");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && nbf.isNumber() && now < nbf.asLong()) {
            return Result.unauthorized("token not valid yet");
        }

        List<String> tokenScopes = scopes(claims.get("scope"));
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(tokenScopes::contains)) {
            return new Result(Outcome.FORBIDDEN, null, "token scopes " + tokenScopes + " include none of "
                    + routeScopes);
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claimStrings(claims));
        jwt.setScopes(tokenScopes.isEmpty() ? null : tokenScopes);
        return new Result(Outcome.ALLOWED, jwt, null);
    }

    private static List<String> scopes(JsonNode scope) {
        List<String> scopes = new ArrayList<>();
        if (scope == null || scope.isNull()) {
            return scopes;
        }
        if (scope.isArray()) {
            scope.forEach(s -> scopes.add(s.asText()));
        } else {
            for (String s : scope.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }

    /** Claims as API Gateway passes them: every value a string, arrays as {@code [a b]}. */
    private static Map<String, String> claimStrings(JsonNode claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = claims.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String text;
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
                text = "[" + String.join(" ", items) + "]";
            } else if (value.isValueNode()) {
                text = value.asText();
            } else {
                text = value.toString();
            }
            strings.put(field.getKey(), text);
        }
        return strings;
    }
}
