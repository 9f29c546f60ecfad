package com.miniwms.salesorders.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.SamEvent;
import com.miniwms.salesorders.local.emulator.SamFunction;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 tokens for the local JWT check ({@code --auth}): signed with {@code LOCAL_JWT_SECRET}, carrying the
 * OAuth scopes in a space-separated {@code scope} claim as Cognito's access tokens do.
 */
public final class LocalJwt {

    static final String ALGORITHM = "HS256";
    private static final String MAC = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LocalJwt() {
    }

    /**
     * Prints a token for the local JWT check, signed with {@code LOCAL_JWT_SECRET} and valid for an hour
     * ({@code make token}). Arguments are the scopes; without any, every scope the template's routes ask for.
     */
    public static void main(String[] args) {
        String secret = System.getenv("LOCAL_JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("Set LOCAL_JWT_SECRET to the secret the local runtime checks tokens with.");
            System.exit(2);
            return;
        }
        List<String> scopes = args.length > 0 ? List.of(args) : templateScopes();
        System.out.println(token(secret, "local-user", scopes, Duration.ofHours(1)));
    }

    private static List<String> templateScopes() {
        Set<String> scopes = new TreeSet<>();
        for (SamFunction function : SamTemplate.loadProjectTemplate().functions()) {
            for (SamEvent event : function.eventsOfType(HttpApiTriggerKind.TYPE)) {
                if (event.map("Auth").get("AuthorizationScopes") instanceof List<?> list) {
                    list.forEach(scope -> scopes.add(String.valueOf(scope)));
                }
            }
        }
        return List.copyOf(scopes);
    }

    /** A token for {@code subject} with the given scopes, valid for {@code validity} from now. */
    public static String token(String secret, String subject, Collection<String> scopes, Duration validity) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("client_id", subject);
        claims.put("token_use", "access");
        claims.put("scope", String.join(" ", scopes));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        return sign(secret, claims);
    }

    /** Signs any claims as an HS256 JWT. */
    public static String sign(String secret, Map<String, ?> claims) {
        try {
            String header = ENCODER.encodeToString(
                    JSON.writeValueAsBytes(Map.of("alg", ALGORITHM, "typ", "JWT")));
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            String signingInput = header + "." + payload;
            return signingInput + "." + ENCODER.encodeToString(hmac(secret, signingInput));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Claims cannot be written as JSON", e);
        }
    }

    static byte[] hmac(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), MAC));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
