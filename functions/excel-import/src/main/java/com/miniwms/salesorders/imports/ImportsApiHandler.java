package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.http.ApiHandler;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.ApiResponses;
import com.miniwms.salesorders.http.HttpException;
import com.miniwms.salesorders.http.JsonBody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The /imports routes: start an upload (a short-lived presigned PUT), read an import record and its report, list
 * recent imports, download the template workbook.
 */
public final class ImportsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final Duration UPLOAD_LINK = Duration.ofMinutes(15);
    static final Duration REPORT_LINK = Duration.ofMinutes(15);
    private static final Pattern IMPORT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{12}|s3-[0-9a-f]{32}");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,200}");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static {
        ImportServices.quietPoiLogging();
    }

    private final ImportRepository imports;
    private final UploadStore store;
    private final Clock clock;
    private final ApiHandler api;

    public ImportsApiHandler() {
        this(ImportServices.holder().imports(), ImportServices.holder().store(), Clock.systemUTC());
    }

    ImportsApiHandler(ImportRepository imports, UploadStore store, Clock clock) {
        this.imports = imports;
        this.store = store;
        this.clock = clock;
        this.api = new ApiHandler(Map.of(
                "POST /imports", this::start,
                "GET /imports", this::list,
                "GET /imports/template", this::template,
                "GET /imports/{importId}", this::get,
                "GET /imports/{importId}/report", this::report));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context);
    }

    /** The body of POST /imports. */
    record StartImport(String fileName, Boolean dryRun, String mode) {
    }

    private APIGatewayV2HTTPResponse start(ApiRequest request) {
        StartImport body = JsonBody.read(request, StartImport.class, java.util.Set.of());
        List<FieldError> errors = new ArrayList<>();
        String fileName = body.fileName() == null ? null : body.fileName().strip();
        if (fileName == null || fileName.isEmpty()) {
            errors.add(new FieldError("fileName", "is required"));
        } else if (!FILE_NAME.matcher(fileName).matches()) {
            errors.add(new FieldError("fileName", "must be 1 to 200 characters without '/', '\\' or control"
                    + " characters"));
        }
        ImportMode mode = ImportMode.CREATE;
        try {
            mode = ImportMode.parse(body.mode());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("mode", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
        }
        String importId = UUID.randomUUID().toString();
        String key = ImportRunner.PREFIX + importId + "/" + fileName;
        Instant now = clock.instant();
        imports.create(ImportRecord.pending(importId, fileName, Boolean.TRUE.equals(body.dryRun()), mode, now,
                request.caller(), key));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("importId", importId);
        response.put("uploadUrl", store.uploadUrl(key, UPLOAD_LINK));
        response.put("expiresAt", now.plus(UPLOAD_LINK));
        return ApiResponses.json(201, response, Map.of("Location", "/imports/" + importId));
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        int limit = 25;
        String value = request.query("limit");
        if (value != null) {
            try {
                limit = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                throw HttpException.badParameter("limit", "must be a whole number from 1 to 100");
            }
        }
        return ApiResponses.json(200, Map.of("items", imports.recent(limit)));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.json(200, find(request));
    }

    private APIGatewayV2HTTPResponse report(ApiRequest request) {
        ImportRecord record = find(request);
        if (record.reportKey() == null) {
            throw new HttpException(404, "Not found", "Import " + record.importId() + " has no report"
                    + (record.status().isFinal() ? " (it has no rejected rows)" : " yet (it is " + record.status()
                    + ")"));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("reportUrl", store.downloadUrl(record.reportKey(), REPORT_LINK));
        response.put("expiresAt", clock.instant().plus(REPORT_LINK));
        return ApiResponses.json(200, response);
    }

    private APIGatewayV2HTTPResponse template(ApiRequest request) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", XLSX,
                        "Content-Disposition", "attachment; filename=\"salesorders-template.xlsx\"",
                        "Cache-Control", "no-store"))
                .withBody(Base64.getEncoder().encodeToString(TemplateWorkbook.bytes()))
                .withIsBase64Encoded(true)
                .build();
    }

    private ImportRecord find(ApiRequest request) {
        String id = request.pathParameter("importId");
        if (id == null || !IMPORT_ID.matcher(id).matches()) {
            throw new HttpException(404, "Not found", "No import " + id);
        }
        return imports.find(id).orElseThrow(() -> new HttpException(404, "Not found", "No import " + id));
    }
}
