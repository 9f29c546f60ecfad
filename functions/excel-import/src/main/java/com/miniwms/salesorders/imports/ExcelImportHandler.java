package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 {@code ObjectCreated} on {@code imports/}: imports each uploaded workbook of the event. A bad file ends as a
 * FAILED import record, never as an error of the function (which would only be retried).
 */
public final class ExcelImportHandler implements RequestHandler<S3Event, String> {
    static {
        ImportServices.quietPoiLogging();
    }

    private final ImportRunner runner;

    public ExcelImportHandler() {
        this(ImportServices.runner());
    }

    ExcelImportHandler(ImportRunner runner) {
        this.runner = runner;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<String> outcomes = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return "no records";
        }
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getS3() == null || record.getS3().getObject() == null) {
                continue;
            }
            String key = decode(record.getS3().getObject().getKey());
            String uploader = record.getUserIdentity() == null ? null : record.getUserIdentity().getPrincipalId();
            ImportRunner.Result result = runner.handle(key, record.getS3().getObject().getSequencer(), uploader);
            outcomes.add(key + ": " + result);
            if (context != null) {
                context.getLogger().log("import key=" + key + " result=" + result + " requestId="
                        + context.getAwsRequestId(), LogLevel.INFO);
            }
        }
        return String.join("; ", outcomes);
    }

    /** S3 notifications carry keys URL-encoded, spaces as {@code +}. */
    static String decode(String key) {
        return key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8);
    }
}
