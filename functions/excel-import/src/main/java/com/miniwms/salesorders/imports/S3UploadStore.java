package com.miniwms.salesorders.imports;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@link UploadStore} on S3. With an endpoint override (another S3-compatible endpoint) it uses path-style URLs. */
public final class S3UploadStore implements UploadStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3UploadStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public static S3UploadStore create(ImportConfig config) {
        boolean pathStyle = config.endpoint() != null;
        S3Client s3 = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(pathStyle)
                .build();
        S3Presigner.Builder presigner = S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (config.endpoint() != null) {
            presigner.endpointOverride(config.endpoint());
        }
        return new S3UploadStore(s3, presigner.build(), config.bucketName());
    }

    @Override
    public Head head(String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        return new Head(head.contentLength(), head.metadata());
    }

    @Override
    public void download(String key, Path target, long maxBytes) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
             OutputStream out = Files.newOutputStream(target)) {
            copy(in, out, maxBytes);
        }
    }

    static void copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public String uploadUrl(String key, Duration validFor) {
        return presigner.presignPutObject(b -> b.signatureDuration(validFor)
                .putObjectRequest(p -> p.bucket(bucket).key(key))).url().toString();
    }

    @Override
    public String downloadUrl(String key, Duration validFor) {
        return presigner.presignGetObject(b -> b.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }
}
