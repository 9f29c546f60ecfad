package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    private static final String SECRET = "local-test-secret";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final JwtAuthorizer authorizer = new JwtAuthorizer(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, Object> claims(String scope, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "wms-client");
        claims.put("client_id", "wms-client");
        claims.put("scope", scope);
        claims.put("exp", exp);
        claims.put("groups", List.of("pickers", "leads"));
        return claims;
    }

    private static String token(String scope) {
        return LocalJwt.sign(SECRET, claims(scope, NOW.getEpochSecond() + 300));
    }

    @Test
    void aValidTokenWithOneOfTheRouteScopesIsAllowedAndItsClaimsPassedOn() {
        JwtAuthorizer.Result result = authorizer.check("Bearer " + token("sales-orders/read sales-orders/write"),
                List.of("sales-orders/write"));

        assertThat(result.outcome()).isEqualTo(JwtAuthorizer.Outcome.ALLOWED);
        assertThat(result.jwt().getScopes()).containsExactly("sales-orders/read", "sales-orders/write");
        assertThat(result.jwt().getClaims())
                .containsEntry("sub", "wms-client")
                .containsEntry("client_id", "wms-client")
                .containsEntry("exp", Long.toString(NOW.getEpochSecond() + 300))
                .containsEntry("groups", "[pickers leads]");
    }

    @Test
    void theBearerPrefixIsOptionalAndARouteWithoutScopesTakesAnyValidToken() {
        assertThat(authorizer.check(token(""), List.of()).outcome()).isEqualTo(JwtAuthorizer.Outcome.ALLOWED);
    }

    @Test
    void aTokenWithoutTheRouteScopeIsForbidden() {
        assertThat(authorizer.check("Bearer " + token("sales-orders/read"), List.of("sales-orders/write")).outcome())
                .isEqualTo(JwtAuthorizer.Outcome.FORBIDDEN);
        assertThat(authorizer.check("Bearer " + token(""), List.of("sales-orders/write")).outcome())
                .isEqualTo(JwtAuthorizer.Outcome.FORBIDDEN);
    }

    @Test
    void missingMalformedExpiredOrWronglySignedTokensAreUnauthorized() {
        String valid = token("sales-orders/read");
        String[] parts = valid.split("\\.");
        String otherSecret = LocalJwt.sign("another-secret", claims("sales-orders/read", NOW.getEpochSecond() + 300));
        String expired = LocalJwt.sign(SECRET, claims("sales-orders/read", NOW.getEpochSecond()));
        Map<String, Object> noExp = claims("sales-orders/read", 0);
        noExp.remove("exp");
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        for (String header : new String[] {null, "", "Bearer", "Bearer not-a-token", "Bearer a.b.c",
                "Bearer " + otherSecret, "Bearer " + expired, "Bearer " + LocalJwt.sign(SECRET, noExp),
                "Bearer " + parts[0] + "." + parts[1] + ".", "Bearer " + unsignedHeader + "." + parts[1] + "."
                        + parts[2]}) {
            assertThat(authorizer.check(header, List.of("sales-orders/read")).outcome()).as(String.valueOf(header))
                    .isEqualTo(JwtAuthorizer.Outcome.UNAUTHORIZED);
        }
    }

    @Test
    void aTokenIsNotValidBeforeItsNotBeforeTime() {
        Map<String, Object> claims = claims("sales-orders/read", NOW.getEpochSecond() + 300);
        claims.put("nbf", NOW.getEpochSecond() + 60);

        assertThat(authorizer.check("Bearer " + LocalJwt.sign(SECRET, claims), List.of()).outcome())
                .isEqualTo(JwtAuthorizer.Outcome.UNAUTHORIZED);
    }

    @Test
    void aSecretIsRequired() {
        assertThatThrownBy(() -> new JwtAuthorizer(" ", Clock.systemUTC()))
                .hasMessageContaining("LOCAL_JWT_SECRET");
    }
}
