package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * openapi.yaml and template.yaml describe the same HTTP API: the same routes, each needing the same OAuth scope,
 * each served by a function whose handler exists, is a payload-2.0 API Gateway handler and routes that route key.
 */
class OpenApiRoutesTest {
    private static final String SECURITY_SCHEME = "salesOrdersAuth";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static OpenApiContract contract;
    private static Map<String, Route> templateRoutes;

    /** One HttpApi event of a function in template.yaml. */
    record Route(String function, String event, String method, String path, List<String> scopes, String handler) {
        String routeKey() {
            return method + " " + path;
        }

        String handlerClass() {
            return handler.split("::", 2)[0];
        }
    }

    @BeforeAll
    static void load() {
        contract = OpenApiContract.load();
        templateRoutes = templateRoutes(YamlFiles.loadCloudFormation(YamlFiles.projectRoot().resolve("template.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Route> templateRoutes(Map<String, Object> template) {
        Map<String, Route> routes = new TreeMap<>();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        resources.forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
            events.forEach((eventName, eventValue) -> {
                Map<String, Object> event = (Map<String, Object>) eventValue;
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> props = (Map<String, Object>) event.get("Properties");
                Map<String, Object> auth = (Map<String, Object>) props.getOrDefault("Auth", Map.of());
                List<String> scopes = (List<String>) auth.getOrDefault("AuthorizationScopes", List.of());
                String method = String.valueOf(props.get("Method")).toUpperCase(Locale.ROOT);
                Route route = new Route(name, eventName, method, String.valueOf(props.get("Path")), scopes,
                        String.valueOf(properties.get("Handler")));
                Route clash = routes.put(route.routeKey(), route);
                assertThat(clash).as("route %s is declared twice in template.yaml", route.routeKey()).isNull();
            });
        });
        return routes;
    }

    /**
     * The routes whose handlers live in this module; other modules' handlers (the channel API in
     * functions/marketplace-sync) are checked by those modules' own contract tests.
     */
    private static List<Route> servedHere() {
        return templateRoutes.values().stream()
                .filter(route -> route.handlerClass().startsWith(OpenApiRoutesTest.class.getPackageName() + "."))
                .toList();
    }

    private static Map<String, OpenApiContract.Operation> documentedRoutes() {
        Map<String, OpenApiContract.Operation> operations = new TreeMap<>();
        contract.operations().forEach(op -> operations.put(op.routeKey(), op));
        return operations;
    }

    @Test
    void theTemplateIsReadWithItsIntrinsicFunctions() {
        assertThat(templateRoutes).isNotEmpty();
        assertThat(templateRoutes.values()).allSatisfy(route -> assertThat(route.handler()).contains("::"));
    }

    @Test
    void everyDocumentedOperationIsARouteOfTheTemplateAndViceVersa() {
        assertThat(documentedRoutes().keySet())
                .as("operations in openapi.yaml vs HttpApi events in template.yaml")
                .containsExactlyInAnyOrderElementsOf(templateRoutes.keySet());
    }

    @Test
    void everyOperationAsksForTheScopeTheTemplateRequires() {
        documentedRoutes().forEach((routeKey, operation) -> {
            Route route = templateRoutes.get(routeKey);
            if (route == null) {
                return; // reported by everyDocumentedOperationIsARouteOfTheTemplateAndViceVersa
            }
            assertThat(operation.scopes(SECURITY_SCHEME))
                    .as("scopes of %s in openapi.yaml vs AuthorizationScopes of %s.%s", routeKey, route.function(),
                            route.event())
                    .containsExactlyInAnyOrderElementsOf(route.scopes());
        });
    }

    @Test
    void theDocumentedScopesAreThoseOfTheSecurityScheme() {
        JsonNode scopes = contract.document().at("/components/securitySchemes/" + SECURITY_SCHEME
                + "/flows/clientCredentials/scopes");
        List<String> declared = new ArrayList<>();
        scopes.properties().forEach(e -> declared.add(e.getKey()));

        assertThat(declared).isNotEmpty();
        assertThat(templateRoutes.values()).allSatisfy(route ->
                assertThat(declared).as("scopes of %s", route.routeKey()).containsAll(route.scopes()));
    }

    @Test
    void everyHandlerIsAnApiGatewayPayload2Handler() throws Exception {
        for (Route route : servedHere()) {
            Class<?> handler = Class.forName(route.handlerClass());
            String method = route.handler().split("::", 2)[1];

            assertThat(handlesHttpApiEvents(handler))
                    .as("%s implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>", handler)
                    .isTrue();
            assertThat(handler.getMethod(method, APIGatewayV2HTTPEvent.class, Context.class).getReturnType())
                    .isEqualTo(APIGatewayV2HTTPResponse.class);
            assertThat(handler.getConstructor()).as("the public no-argument constructor Lambda calls").isNotNull();
        }
    }

    private static boolean handlesHttpApiEvents(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type[] arguments = p.getActualTypeArguments();
                    return arguments[0] == APIGatewayV2HTTPEvent.class
                            && arguments[1] == APIGatewayV2HTTPResponse.class;
                }
            }
        }
        return false;
    }

    @Test
    void theHandlerOfEveryRouteRoutesItsRouteKey() throws Exception {
        for (Route route : servedHere()) {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = handler(route.handlerClass());

            APIGatewayV2HTTPResponse response = handler.handleRequest(event(route.method(), route.path()), null);

            assertThat(isNoRoute(response))
                    .as("%s (handler of %s.%s) answers %s with %s", route.handlerClass(), route.function(),
                            route.event(), route.routeKey(), response.getBody())
                    .isFalse();
        }
    }

    @Test
    void aRouteKeyAHandlerDoesNotKnowIsRecognisedAsSuch() throws Exception {
        for (Route route : servedHere()) {
            APIGatewayV2HTTPResponse response = handler(route.handlerClass())
                    .handleRequest(event("PATCH", "/orders/{orderNumber}"), null);

            assertThat(isNoRoute(response)).as("answer to an unknown route: %s", response.getBody()).isTrue();
        }
    }

    /** The handler as the tests build it: its package-private constructor, over an in-memory store. */
    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className)
            throws Exception {
        // A handler of another function module comes with a test-support class that builds it over fakes.
        Class<?> support = testSupport(className);
        if (support != null) {
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) support.getMethod("handler")
                    .invoke(null);
        }
        OrderService service = new OrderService(new InMemoryOrderRepository(), Clock.systemUTC());
        var constructor = Class.forName(className).getDeclaredConstructor(OrderService.class);
        constructor.setAccessible(true);
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(service);
    }

    private static Class<?> testSupport(String handlerClass) {
        try {
            return Class.forName(handlerClass + "TestSupport");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** An event for the route with sample path values; the answer may be any error but "no such route". */
    private static APIGatewayV2HTTPEvent event(String method, String route) {
        Matcher parameters = PATH_PARAMETER.matcher(route);
        String path = parameters.replaceAll(m -> m.group(1).equals("lineNumber") ? "1" : "SO000001");
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        return ApiEvents.request(method, route, path, body, Map.of("If-Match", "\"1\""), Map.of());
    }

    private static boolean isNoRoute(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 404) {
            return false;
        }
        try {
            return Json.MAPPER.readTree(response.getBody()).path("detail").asText().startsWith("No route");
        } catch (Exception e) {
            return false;
        }
    }
}
