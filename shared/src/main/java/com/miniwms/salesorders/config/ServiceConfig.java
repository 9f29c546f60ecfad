package com.miniwms.salesorders.config;

/** The service's configuration, read once at start-up. */
public record ServiceConfig(String tableName) {

    public static ServiceConfig fromEnvironment() {
        return new ServiceConfig(Settings.require("TABLE_NAME"));
    }
}
