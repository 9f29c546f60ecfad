package com.miniwms.salesorders.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An in-memory bucket for unit tests. */
final class InMemoryUploadStore implements UploadStore {
    final Map<String, byte[]> objects = new HashMap<>();
    final Map<String, Map<String, String>> metadata = new HashMap<>();
    final Map<String, Long> reportedSizes = new HashMap<>();

    void upload(String key, Path file) throws IOException {
        objects.put(key, Files.readAllBytes(file));
    }

    @Override
    public Head head(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new IllegalStateException("404 no such key " + key);
        }
        return new Head(reportedSizes.getOrDefault(key, (long) content.length), metadata.getOrDefault(key, Map.of()));
    }

    @Override
    public void download(String key, Path target, long maxBytes) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            S3UploadStore.copy(new java.io.ByteArrayInputStream(objects.get(key)), out, maxBytes);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content);
    }

    @Override
    public String uploadUrl(String key, Duration validFor) {
        return "https://bucket.example/" + key + "?put";
    }

    @Override
    public String downloadUrl(String key, Duration validFor) {
        return "https://bucket.example/" + key + "?get";
    }
}
