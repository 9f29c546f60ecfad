package com.miniwms.salesorders.bench;

import com.miniwms.salesorders.local.emulator.SamFunction;
import com.miniwms.salesorders.local.emulator.SamTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The size of every function artifact the template deploys, and which AWS SDK HTTP clients each one carries. */
public final class ArtifactSizes {
    /** The goal for the API functions' artifacts: under 8 MB (8,000,000 bytes). */
    public static final long API_GOAL_BYTES = 8_000_000L;

    private static final Map<String, String> HTTP_CLIENTS = Map.of(
            "software/amazon/awssdk/http/urlconnection/", "url-connection",
            "software/amazon/awssdk/http/apache/", "apache",
            "software/amazon/awssdk/http/apache5/", "apache5",
            "software/amazon/awssdk/http/nio/netty/", "netty-nio",
            "software/amazon/awssdk/http/crt/", "aws-crt");

    private ArtifactSizes() {
    }

    public static List<ArtifactSize> measure(SamTemplate template, Path projectRoot) {
        Map<String, List<SamFunction>> byCodeUri = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            if (function.codeUri() != null) {
                byCodeUri.computeIfAbsent(function.codeUri(), k -> new ArrayList<>()).add(function);
            }
        }
        List<ArtifactSize> sizes = new ArrayList<>();
        byCodeUri.forEach((codeUri, functions) -> {
            boolean api = functions.stream().anyMatch(f -> !f.eventsOfType("HttpApi").isEmpty());
            Path path = projectRoot.resolve(codeUri).normalize();
            List<String> names = functions.stream().map(SamFunction::logicalId).toList();
            long goal = api ? API_GOAL_BYTES : 0;
            if (Files.isRegularFile(path)) {
                sizes.add(jar(codeUri, names, path, api, goal));
            } else if (Files.isDirectory(path)) {
                sizes.add(folder(codeUri, names, path, api, goal));
            } else {
                sizes.add(new ArtifactSize(codeUri, names, -1, 0, List.of(), api, goal));
            }
        });
        return sizes;
    }

    private static ArtifactSize jar(String codeUri, List<String> functions, Path jar, boolean api, long goal) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            return new ArtifactSize(codeUri, functions, Files.size(jar),
                    (int) names.stream().filter(n -> !n.endsWith("/")).count(), clients(names), api, goal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static ArtifactSize folder(String codeUri, List<String> functions, Path dir, boolean api, long goal) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path file : regular) {
                bytes += Files.size(file);
            }
            List<String> names = regular.stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
            return new ArtifactSize(codeUri, functions, bytes, regular.size(), clients(names), api, goal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
    }

    private static List<String> clients(List<String> entries) {
        return HTTP_CLIENTS.entrySet().stream()
                .filter(client -> entries.stream().anyMatch(name -> name.startsWith(client.getKey())))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }
}
