package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.LocalLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Four demo orders (UK and US addresses, one to three lines each), created through the local API's own
 * {@code POST /orders} as a client would. Creating an order that exists already (409) counts as done.
 */
final class DemoOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOrders() {
    }

    /** The demo orders, as {@code POST /orders} bodies; order dates are recent days. */
    static List<Map<String, Object>> orders(LocalDate today) {
        List<Map<String, Object>> orders = new ArrayList<>();
        orders.add(order("SO-DEMO-0001", "W1", today.minusDays(2),
                shipTo("Eleanor Whitfield", "14 Pembroke Road", "Flat 2", "", "Bristol", "", "BS8 3BA", "GB",
                        "+44 117 496 0123", "eleanor.whitfield@example.co.uk"),
                "GBP", "Leave with the concierge if nobody answers.", List.of(
                        line(1, "1628437592043", "Ceramic pour-over coffee set", 1, "24.50"),
                        line(2, "WIDGET-BLUE-M", "Widget, blue, medium", 2, "9.99"))));
        orders.add(order("SO-DEMO-0002", "W1", today.minusDays(1),
                shipTo("Hargreaves Hardware Ltd", "Unit 7, Brookside Trading Estate", "Canal Street",
                        "Goods In, Door 3", "Manchester", "Greater Manchester", "M4 6LP", "GB",
                        "+44 161 496 0456", "goodsin@hargreaves-hardware.example.co.uk"),
                "GBP", "Trade account; deliver weekdays 08:00-16:00.", List.of(
                        line(1, "WIDGET-BLUE-M", "Widget, blue, medium", 40, "7.25"),
                        line(2, "WIDGET-RED-L", "Widget, red, large", 25, "7.95"),
                        line(3, "5012345678900", "Brass hinge pack (10)", 12, "4.10"))));
        orders.add(order("SO-DEMO-0003", "W2", today.minusDays(1),
                shipTo("Marcus Delgado", "2217 Alder Street", "Apt 4B", "", "Portland", "OR", "97205", "US",
                        "+1 503 555 0142", "marcus.delgado@example.com"),
                "USD", "", List.of(
                        line(1, "TSHIRT-ORG-CRM-XL", "Organic cotton T-shirt, cream, XL", 3, "18.00"))));
        orders.add(order("SO-DEMO-0004", "W2", today,
                shipTo("Brightline Outfitters", "880 Commerce Parkway", "Suite 300", "Receiving Dock 2", "Austin",
                        "TX", "78744", "US", "+1 512 555 0199", "receiving@brightline.example.com"),
                "USD", "Call ahead for dock appointment.", List.of(
                        line(1, "1628437592043", "Ceramic pour-over coffee set", 6, "21.00"),
                        line(2, "MUG-CER-350-WHT", "Ceramic mug 350 ml, white", 24, "6.40"))));
        return orders;
    }

    /**
     * Posts the demo orders to {@code baseUri}.
     *
     * @param bearerToken a token for {@code Authorization}, or {@code null} when auth is off
     * @return how many demo orders now exist (created or already there)
     */
    static int seed(URI baseUri, String bearerToken) {
        int present = 0;
        List<String> problems = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (Map<String, Object> order : orders(LocalDate.now(ZoneOffset.UTC))) {
                HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve("/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "local-runtime-seed")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(order)));
                if (bearerToken != null) {
                    request.header("Authorization", "Bearer " + bearerToken);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 409) {
                    present++;
                } else {
                    problems.add(order.get("orderNumber") + " -> " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            }
        } catch (IOException e) {
            problems.add("POST /orders failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        }
        if (!problems.isEmpty()) {
            LocalLog.warn("Demo orders not (all) created through POST /orders: " + String.join("; ", problems)
                    + ". The API runs without them; check the orders function above, or start with --no-seed.");
        }
        return present;
    }

    private static Map<String, Object> order(String orderNumber, String wave, LocalDate orderDate,
                                             Map<String, Object> shipTo, String currency, String notes,
                                             List<Map<String, Object>> lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderNumber", orderNumber);
        order.put("wave", wave);
        order.put("orderDate", orderDate.toString());
        order.put("shipTo", shipTo);
        order.put("currency", currency);
        if (!notes.isEmpty()) {
            order.put("notes", notes);
        }
        order.put("lines", lines);
        return order;
    }

    private static Map<String, Object> shipTo(String name, String address1, String address2, String address3,
                                              String city, String state, String postcode, String country,
                                              String phone, String email) {
        Map<String, Object> shipTo = new LinkedHashMap<>();
        shipTo.put("name", name);
        shipTo.put("address1", address1);
        shipTo.put("address2", address2);
        shipTo.put("address3", address3);
        shipTo.put("city", city);
        shipTo.put("state", state);
        shipTo.put("postcode", postcode);
        shipTo.put("country", country);
        shipTo.put("phone", phone);
        shipTo.put("email", email);
        shipTo.values().removeIf(value -> value.toString().isEmpty());
        return shipTo;
    }

    private static Map<String, Object> line(int lineNumber, String sku, String description, int quantity,
                                            String unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNumber", lineNumber);
        line.put("sku", sku);
        line.put("description", description);
        line.put("quantityOrdered", quantity);
        line.put("unitPrice", unitPrice);
        return line;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
