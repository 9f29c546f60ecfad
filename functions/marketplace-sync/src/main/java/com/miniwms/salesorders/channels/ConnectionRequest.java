package com.miniwms.salesorders.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.domain.ValidationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /channels/{connectionId}}, checked: type, schedule, the type's settings (with the
 * production hosts as defaults) and its credentials. Error messages name credential fields, never their values.
 */
public record ConnectionRequest(Channel type, boolean enabled, String schedule, Map<String, Object> settings,
                                Map<String, String> credentials) {
    public static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    public static final String DEFAULT_SCHEDULE = "rate(15 minutes)";
    private static final Pattern RATE = Pattern.compile("rate\\(([1-9][0-9]{0,4}) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\([0-9A-Za-z*?,/#L\\- ]{9,200}\\)");
    private static final Pattern API_VERSION = Pattern.compile("[0-9]{4}-(01|04|07|10)");
    private static final Pattern MARKETPLACE_ID = Pattern.compile("[A-Z0-9]{8,20}");
    private static final Set<String> TOP_LEVEL = Set.of("type", "enabled", "schedule", "settings", "credentials");
    private static final Map<String, String> AMAZON_HOSTS = Map.of(
            "NA", "https://sellingpartnerapi-na.amazon.com",
            "EU", "https://sellingpartnerapi-eu.amazon.com",
            "FE", "https://sellingpartnerapi-fe.amazon.com");

    public static void checkConnectionId(String connectionId) {
        if (connectionId == null || !CONNECTION_ID.matcher(connectionId).matches()) {
            throw new ValidationException("connectionId",
                    "must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit");
        }
    }

    /**
     * @param credentialsRequired true for a new connection; an existing one keeps its credentials when none are sent
     */
    public static ConnectionRequest parse(JsonNode body, boolean credentialsRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a channel connection"));
            }
        });
        Channel type = null;
        String typeText = body.path("type").isTextual() ? body.get("type").textValue() : null;
        if (typeText == null) {
            errors.add(new FieldError("type", "is required: SHOPIFY, AMAZON or EBAY"));
        } else {
            try {
                type = Channel.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                type = null;
            }
            if (type == null || !type.isMarketplace()) {
                errors.add(new FieldError("type", "must be SHOPIFY, AMAZON or EBAY"));
                type = null;
            }
        }
        boolean enabled = true;
        if (body.has("enabled")) {
            if (body.get("enabled").isBoolean()) {
                enabled = body.get("enabled").booleanValue();
            } else {
                errors.add(new FieldError("enabled", "must be true or false"));
            }
        }
        String schedule = DEFAULT_SCHEDULE;
        if (body.has("schedule")) {
            schedule = body.get("schedule").isTextual() ? body.get("schedule").textValue().strip() : null;
            if (schedule == null || !(validRate(schedule) || CRON.matcher(schedule).matches())) {
                errors.add(new FieldError("schedule",
                        "must be an EventBridge Scheduler expression such as rate(15 minutes), at least 5 minutes apart"));
            }
        }
        Map<String, Object> settings = new TreeMap<>();
        Map<String, String> credentials = null;
        JsonNode settingsNode = body.path("settings");
        if (!settingsNode.isMissingNode() && !settingsNode.isObject()) {
            errors.add(new FieldError("settings", "must be an object"));
        }
        JsonNode credentialsNode = body.path("credentials");
        if (!credentialsNode.isMissingNode() && !credentialsNode.isNull()) {
            if (!credentialsNode.isObject()) {
                errors.add(new FieldError("credentials", "must be an object"));
            } else {
                credentials = new LinkedHashMap<>();
                for (var e : (Iterable<Map.Entry<String, JsonNode>>) credentialsNode::fields) {
                    if (e.getValue().isTextual() && !e.getValue().textValue().isBlank()) {
                        credentials.put(e.getKey(), e.getValue().textValue().strip());
                    } else {
                        errors.add(new FieldError("credentials." + e.getKey(), "must be a non-empty string"));
                    }
                }
            }
        }
        if (type != null) {
            switch (type) {
                case SHOPIFY -> shopify(settingsNode, settings, errors);
                case AMAZON -> amazon(settingsNode, settings, errors);
                case EBAY -> ebay(settingsNode, settings, errors);
                default -> throw new IllegalStateException();
            }
            if (credentials != null) {
                checkCredentials(type, credentials, errors);
            } else if (credentialsRequired) {
                errors.add(new FieldError("credentials", "are required for a new connection: "
                        + credentialHint(type)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ConnectionRequest(type, enabled, schedule, settings, credentials);
    }

    private static boolean validRate(String schedule) {
        var m = RATE.matcher(schedule);
        if (!m.matches()) {
            return false;
        }
        int n = Integer.parseInt(m.group(1));
        boolean singular = n == 1;
        boolean unitSingular = !m.group(2).endsWith("s");
        return singular == unitSingular && (!m.group(2).startsWith("minute") || n >= 5);
    }

    private static void shopify(JsonNode in, Map<String, Object> out, List<FieldError> errors) {
        known(in, Set.of("storeUrl", "apiVersion", "apiBaseUrl"), errors);
        String store = text(in, "storeUrl");
        if (store == null) {
            errors.add(new FieldError("settings.storeUrl", "is required (https://your-shop.myshopify.com)"));
        } else {
            String host = hostOf(store.contains("://") ? store : "https://" + store);
            if (host == null || !host.matches("[a-z0-9][a-z0-9-]*\\.myshopify\\.com")) {
                errors.add(new FieldError("settings.storeUrl", "must be a *.myshopify.com shop address"));
            } else {
                out.put("storeUrl", "https://" + host);
            }
        }
        String version = text(in, "apiVersion");
        if (version != null && !API_VERSION.matcher(version).matches()) {
            errors.add(new FieldError("settings.apiVersion", "must be a quarterly version such as 2026-07"));
        }
        out.put("apiVersion", version == null ? "2026-07" : version);
        String base = baseUrl(in, "apiBaseUrl", errors);
        out.put("apiBaseUrl", base != null ? base : out.getOrDefault("storeUrl", ""));
    }

    private static void amazon(JsonNode in, Map<String, Object> out, List<FieldError> errors) {
        known(in, Set.of("region", "marketplaceIds", "importAmazonFulfilled", "apiBaseUrl", "tokenUrl"), errors);
        String region = text(in, "region");
        if (region == null || !AMAZON_HOSTS.containsKey(region.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("settings.region", "is required: NA, EU or FE"));
        } else {
            out.put("region", region.toUpperCase(Locale.ROOT));
        }
        List<String> ids = new ArrayList<>();
        JsonNode marketplaces = in.path("marketplaceIds");
        if (marketplaces.isArray()) {
            marketplaces.forEach(m -> {
                if (m.isTextual() && MARKETPLACE_ID.matcher(m.textValue()).matches()) {
                    ids.add(m.textValue());
                } else {
                    errors.add(new FieldError("settings.marketplaceIds", "holds something that is not a marketplace id"));
                }
            });
        }
        if (ids.isEmpty()) {
            errors.add(new FieldError("settings.marketplaceIds", "needs at least one marketplace id, such as A1PA6795UKMFR9"));
        }
        out.put("marketplaceIds", ids);
        JsonNode fba = in.path("importAmazonFulfilled");
        if (!fba.isMissingNode() && !fba.isBoolean()) {
            errors.add(new FieldError("settings.importAmazonFulfilled", "must be true or false"));
        }
        out.put("importAmazonFulfilled", fba.isBoolean() && fba.booleanValue());
        String base = baseUrl(in, "apiBaseUrl", errors);
        out.put("apiBaseUrl", base != null ? base : AMAZON_HOSTS.getOrDefault(out.getOrDefault("region", "NA"), ""));
        String token = baseUrl(in, "tokenUrl", errors);
        out.put("tokenUrl", token != null ? token : "https://api.amazon.com/auth/o2/token");
    }

    private static void ebay(JsonNode in, Map<String, Object> out, List<FieldError> errors) {
        known(in, Set.of("apiBaseUrl", "tokenUrl"), errors);
        String base = baseUrl(in, "apiBaseUrl", errors);
        out.put("apiBaseUrl", base != null ? base : "https://api.ebay.com");
        String token = baseUrl(in, "tokenUrl", errors);
        out.put("tokenUrl", token != null ? token : "https://api.ebay.com/identity/v1/oauth2/token");
    }

    private static void checkCredentials(Channel type, Map<String, String> given, List<FieldError> errors) {
        Set<String> allowed = switch (type) {
            case SHOPIFY -> Set.of("accessToken", "clientId", "clientSecret");
            case AMAZON -> Set.of("clientId", "clientSecret", "refreshToken");
            case EBAY -> Set.of("accessToken", "clientId", "clientSecret", "refreshToken");
            default -> Set.of();
        };
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                errors.add(new FieldError("credentials." + name, "is not a credential of " + type + " connections"));
            }
        }
        boolean complete = switch (type) {
            case SHOPIFY -> given.containsKey("accessToken")
                    || given.containsKey("clientId") && given.containsKey("clientSecret");
            case AMAZON -> given.keySet().containsAll(Set.of("clientId", "clientSecret", "refreshToken"));
            case EBAY -> given.containsKey("accessToken")
                    || given.keySet().containsAll(Set.of("clientId", "clientSecret", "refreshToken"));
            default -> false;
        };
        if (!complete) {
            errors.add(new FieldError("credentials", "are incomplete: " + credentialHint(type)));
        }
    }

    private static String credentialHint(Channel type) {
        return switch (type) {
            case SHOPIFY -> "accessToken, or clientId and clientSecret";
            case AMAZON -> "clientId, clientSecret and refreshToken (Login with Amazon)";
            case EBAY -> "accessToken, or clientId, clientSecret and refreshToken";
            default -> "";
        };
    }

    /** A base URL: https, or http only to a loopback host (local stand-ins). */
    private static String baseUrl(JsonNode in, String field, List<FieldError> errors) {
        String value = text(in, field);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            boolean loopback = host != null && (host.equals("localhost") || host.equals("127.0.0.1")
                    || host.equals("[::1]") || host.equals("::1"));
            if (host != null && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
                return value.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError("settings." + field, "must be an https URL (http only for localhost)"));
        return null;
    }

    private static String hostOf(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getUserInfo() != null || uri.getPort() != -1) {
                return null;
            }
            String path = uri.getPath();
            if (path != null && !path.isEmpty() && !path.equals("/")) {
                return null;
            }
            return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void known(JsonNode in, Set<String> names, List<FieldError> errors) {
        if (in.isObject()) {
            in.fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    errors.add(new FieldError("settings." + name, "is not a setting of this connection type"));
                }
            });
        }
    }

    private static String text(JsonNode in, String field) {
        JsonNode value = in.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue().strip() : null;
    }
}
