package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.aws.EventBusPublisher;
import com.miniwms.salesorders.config.Settings;
import com.miniwms.salesorders.events.EventSchemas;
import com.miniwms.salesorders.local.emulator.BusTap;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The import function and the /imports API against the emulator: the real DynamoDB and S3 code paths. */
@ExtendWith(MotoExtension.class)
class ExcelImportIT {

    private static S3Event event(String bucket, String key, String sequencer) {
        var entity = new S3EventNotification.S3Entity("c", new S3EventNotification.S3BucketEntity(bucket,
                new S3EventNotification.UserIdentityEntity("o"), "arn:aws:s3:::" + bucket),
                new S3EventNotification.S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8), 1L, "e",
                        null, sequencer), "1.0");
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", "2026-12-01T10:00:00.000Z", "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("a", "b"), entity,
                new S3EventNotification.UserIdentityEntity("AWS:ann"))));
    }

    @Test
    void fixturesImportThroughTheS3TriggerOnceEvenWhenDeliveredTwiceAndReUploadsChangeNothing(LocalAws aws) {
        S3Client s3 = aws.clients().s3();
        String bucket = Settings.require("BUCKET_NAME");
        ExcelImportHandler handler = new ExcelImportHandler();
        DynamoDbImportRepository imports = new DynamoDbImportRepository(aws.clients().dynamoDb(),
                Settings.require("TABLE_NAME"));
        // The .xls sample carries the same order numbers with other addresses: a conflict, not a duplicate.
        for (String name : new String[]{"salesorders.xlsx", "salesorders.xlsx", "salesorders.xls"}) {
            String key = "imports/it " + UUID.randomUUID() + "/" + name;
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(Fixtures.workbook(name)));
            S3Event event = event(bucket, key, "seq-" + key);
            assertThat(handler.handleRequest(event, null)).endsWith("IMPORTED");
            assertThat(handler.handleRequest(event, null)).endsWith("ALREADY_HANDLED");
        }
        List<ImportRecord> recent = imports.recent(10).stream()
                .filter(r -> r.fileName().startsWith("salesorders")).toList();
        assertThat(recent).extracting(ImportRecord::counts).containsExactly(
                new ImportCounts(0, 0, 0, 3, 0), new ImportCounts(0, 0, 3, 0, 0), new ImportCounts(3, 0, 0, 0, 4));
        assertThat(recent.get(0).errors()).allMatch(e -> e.message().contains("already exists with different"));
        assertThat(recent.get(0).status()).isEqualTo(ImportStatus.FAILED);
    }

    @Test
    void aFinishedImportIsAnnouncedOnTheBusWithASchemaValidDetail(LocalAws aws) {
        BusTap tap = BusTap.open(aws, ImportCompletedEvent.TYPE);
        String bucket = Settings.require("BUCKET_NAME");
        String key = "imports/announced " + UUID.randomUUID() + "/salesorders.xlsx";
        aws.clients().s3().putObject(b -> b.bucket(bucket).key(key),
                RequestBody.fromFile(Fixtures.workbook("salesorders.xlsx")));

        new ExcelImportHandler().handleRequest(event(bucket, key, "seq-" + key), null);

        List<JsonNode> events = tap.await(1, event -> true);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("source").asText()).isEqualTo(EventBusPublisher.SOURCE);
            JsonNode detail = event.get("detail");
            assertThat(EventSchemas.problems("OrderImportCompleted", detail.toString())).isEmpty();
            assertThat(detail.get("key").asText()).isEqualTo(key);
            assertThat(detail.get("bucket").asText()).isEqualTo(bucket);
            assertThat(detail.get("eventId").asText()).isEqualTo(detail.get("importId").asText());
        });
    }

    @Test
    void aRecordWithAThousandLongErrorsStaysUnderTheItemLimitAndKeepsTheirCount(LocalAws aws) {
        DynamoDbImportRepository imports = new DynamoDbImportRepository(aws.clients().dynamoDb(),
                Settings.require("TABLE_NAME"));
        String id = UUID.randomUUID().toString();
        java.time.Instant now = java.time.Instant.now();
        imports.create(ImportRecord.pending(id, "big.xlsx", false, ImportMode.CREATE, now, "it", "imports/x"));
        ImportRecord claimed = imports.claim(id, now, now.minusSeconds(60)).orElseThrow();
        List<ImportError> errors = java.util.stream.IntStream.range(0, 1500)
                .mapToObj(i -> new ImportError("salesorderline", i + 2, "item_number", "x".repeat(300),
                        "m".repeat(500))).toList();
        imports.finish(claimed.finished(ImportStatus.FAILED, ImportCounts.NONE, List.of(), errors, null, now));
        ImportRecord stored = imports.find(id).orElseThrow();
        assertThat(stored.errorCount()).isEqualTo(1500);
        assertThat(stored.errors()).isNotEmpty().hasSizeLessThan(1000);
        assertThat(stored.errors().get(0).value()).hasSizeLessThanOrEqualTo(ImportRecord.MAX_VALUE_CHARS + 3);
        assertThat(imports.claim(id, now, now.plusSeconds(3600))).isEmpty();
    }

    @Test
    void anUploadThroughThePresignedLinkImportsWithTheRecordOfTheApi(LocalAws aws) throws Exception {
        ImportsApiHandler api = new ImportsApiHandler();
        var started = api.handleRequest(ImportsApiHandlerTest.request("POST", "/imports", "/imports",
                "{\"fileName\":\"bad rows.xlsx\"}", null), null);
        assertThat(started.getStatusCode()).isEqualTo(201);
        var body = com.miniwms.salesorders.json.Json.MAPPER.readTree(started.getBody());
        String id = body.get("importId").asText();
        Path dir = Files.createTempDirectory("it");
        Path workbook = Workbooks.standard(false).order("IT-" + id.substring(0, 8), "A")
                .line("IT-" + id.substring(0, 8), 1, "X", 0).write(dir, "bad.xlsx");
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(body.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofFile(workbook)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        String key = "imports/" + id + "/bad rows.xlsx";
        new ExcelImportHandler().handleRequest(event(Settings.require("BUCKET_NAME"), key, "s"), null);

        var record = com.miniwms.salesorders.json.Json.MAPPER.readTree(api.handleRequest(ImportsApiHandlerTest.request(
                "GET", "/imports/{importId}", "/imports/" + id, null, null), null).getBody());
        assertThat(record.get("status").asText()).isEqualTo("FAILED");
        assertThat(record.get("errors").get(0).get("column").asText()).isEqualTo("qty_ordered");
        var report = api.handleRequest(ImportsApiHandlerTest.request("GET", "/imports/{importId}/report",
                "/imports/" + id + "/report", null, null), null);
        assertThat(report.getStatusCode()).isEqualTo(200);
        String reportUrl = com.miniwms.salesorders.json.Json.MAPPER.readTree(report.getBody()).get("reportUrl")
                .asText();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create(reportUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith(0x50, 0x4B);
    }
}
