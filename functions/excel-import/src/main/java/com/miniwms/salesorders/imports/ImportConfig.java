package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.config.Settings;

import java.net.URI;

/**
 * The import function's configuration, read once at start-up.
 *
 * @param tableName the orders table (orders and import records)
 * @param bucketName the bucket uploads land in, under {@code imports/}
 * @param eventBusName the bus that hears of every finished import
 * @param endpoint an endpoint override from the SDK's standard settings, or {@code null} for AWS itself
 */
public record ImportConfig(String tableName, String bucketName, String eventBusName, URI endpoint) {

    public static ImportConfig fromEnvironment() {
        String endpoint = first(Settings.get("AWS_ENDPOINT_URL_S3"), Settings.get("AWS_ENDPOINT_URL"),
                System.getProperty("aws.endpointUrl"));
        return new ImportConfig(Settings.require("TABLE_NAME"), Settings.require("BUCKET_NAME"),
                Settings.require("EVENT_BUS_NAME"), endpoint == null ? null : URI.create(endpoint));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
