package com.miniwms.salesorders.imports;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real workbooks of the original product, kept outside the repository beside it (../shared/fixtures). */
final class Fixtures {
    private Fixtures() {
    }

    static Path workbook(String name) {
        String root = System.getProperty("project.root", ".");
        Path file = Path.of(root).toAbsolutePath().normalize().resolveSibling("shared")
                .resolve("fixtures/mini-wms").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "Fixture workbook " + file
                + " is absent (expected in ../shared/fixtures/mini-wms beside the repository); test skipped");
        return file;
    }
}
