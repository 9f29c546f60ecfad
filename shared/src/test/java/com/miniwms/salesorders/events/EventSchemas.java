package com.miniwms.salesorders.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas under schemas/events/, one per detail-type, checking event details. */
public final class EventSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static Path folder() {
        String root = System.getProperty("project.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).resolve("schemas/events");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("schemas/events"))) {
                return dir.resolve("schemas/events");
            }
        }
        throw new IllegalStateException("No schemas/events folder here or above; set -Dproject.root");
    }

    /** The problems of {@code detail} against the schema of {@code detailType}; empty when it is valid. */
    public static List<String> problems(String detailType, String detail) {
        Schema schema = SCHEMAS.computeIfAbsent(detailType, type -> {
            try {
                return REGISTRY.getSchema(Files.readString(folder().resolve(type + ".schema.json")),
                        InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException("No schema for " + type, e);
            }
        });
        return schema.validate(detail, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
