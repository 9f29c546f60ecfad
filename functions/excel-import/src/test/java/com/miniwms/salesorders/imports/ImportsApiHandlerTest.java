package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportsApiHandlerTest {
    @TempDir
    Path dir;

    private final InMemoryImportRepository imports = new InMemoryImportRepository();
    private final InMemoryUploadStore store = new InMemoryUploadStore();
    private final ImportsApiHandler handler = new ImportsApiHandler(imports, store, Clock.systemUTC());

    static APIGatewayV2HTTPEvent request(String method, String route, String path, String body,
                                         Map<String, String> query) {
        Map<String, String> pathParameters = new HashMap<>();
        String[] routeParts = route.split("/");
        String[] pathParts = path.split("/");
        for (int i = 0; i < routeParts.length && i < pathParts.length; i++) {
            if (routeParts[i].startsWith("{")) {
                pathParameters.put(routeParts[i].substring(1, routeParts[i].length() - 1), pathParts[i]);
            }
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + route)
                .withRawPath(path)
                .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"))
                .withQueryStringParameters(query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                        .withRouteKey(method + " " + route).build())
                .build();
    }

    private JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void startingAnImportRecordsItPendingAndHandsOutAnUploadLinkUnderItsId() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("POST", "/imports", "/imports",
                "{\"fileName\":\"march.xlsx\",\"dryRun\":true,\"mode\":\"upsert\"}", null), null);
        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String id = body.get("importId").asText();
        assertThat(body.get("uploadUrl").asText()).contains("imports/" + id + "/march.xlsx");
        assertThat(body.get("expiresAt").asText()).endsWith("Z");
        ImportRecord record = imports.find(id).orElseThrow();
        assertThat(record.status()).isEqualTo(ImportStatus.PENDING);
        assertThat(record.dryRun()).isTrue();
        assertThat(record.mode()).isEqualTo(ImportMode.UPSERT);

        JsonNode read = json(handler.handleRequest(request("GET", "/imports/{importId}", "/imports/" + id, null,
                null), null));
        assertThat(read.get("status").asText()).isEqualTo("PENDING");
        assertThat(read.get("mode").asText()).isEqualTo("upsert");
        assertThat(read.get("counts").get("ordersCreated").asInt()).isZero();
        assertThat(read.get("errors").isArray()).isTrue();

        JsonNode list = json(handler.handleRequest(request("GET", "/imports", "/imports", null, null), null));
        assertThat(list.get("items").get(0).get("importId").asText()).isEqualTo(id);
    }

    @Test
    void badStartRequestsAre400WithTheFieldNamed() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("POST", "/imports", "/imports",
                "{\"fileName\":\"a/b.xlsx\",\"mode\":\"merge\"}", null), null);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("fileName").contains("mode");
        assertThat(imports.recent(10)).isEmpty();
    }

    @Test
    void unknownImportsAndMissingReportsAre404() {
        assertThat(handler.handleRequest(request("GET", "/imports/{importId}", "/imports/nope", null, null), null)
                .getStatusCode()).isEqualTo(404);
        String id = "00000000-0000-4000-8000-000000000000";
        imports.create(ImportRecord.pending(id, "a.xlsx", false, ImportMode.CREATE, java.time.Instant.now(), "x",
                "imports/" + id + "/a.xlsx"));
        assertThat(handler.handleRequest(request("GET", "/imports/{importId}/report", "/imports/" + id + "/report",
                null, null), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void theTemplateHasBothSheetsTheColumnNamesAnExampleOrderAndNotesAndImportsCleanly() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("GET", "/imports/template",
                "/imports/template", null, null), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(response.getBody());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("salesorder").getRow(0).getCell(0).getStringCellValue()).isEqualTo("so_num");
            assertThat(wb.getSheet("salesorderline").getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("1628437592043");
            assertThat(wb.getSheet("notes").getLastRowNum()).isGreaterThan(Column.values().length);
        }
        Path file = Files.write(dir.resolve("template.xlsx"), bytes);
        ParsedWorkbook parsed = WorkbookParser.parse(file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.valid()).singleElement().satisfies(o -> {
            assertThat(o.order().orderNumber()).isEqualTo("SAL0001");
            assertThat(o.order().lines().get(0).sku()).isEqualTo("1628437592043");
        });
    }
}
