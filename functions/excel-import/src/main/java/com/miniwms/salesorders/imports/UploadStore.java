package com.miniwms.salesorders.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The bucket, as the import sees it: uploads to read, reports to write, short-lived links to hand out. */
public interface UploadStore {

    /** Size in bytes and user metadata of an upload. */
    record Head(long size, Map<String, String> metadata) {
    }

    Head head(String key);

    /** Copies the object into {@code target}, refusing (IOException) once more than {@code maxBytes} arrive. */
    void download(String key, Path target, long maxBytes) throws IOException;

    void put(String key, byte[] content, String contentType);

    /** A presigned PUT for an upload. */
    String uploadUrl(String key, Duration validFor);

    /** A presigned GET. */
    String downloadUrl(String key, Duration validFor);
}
