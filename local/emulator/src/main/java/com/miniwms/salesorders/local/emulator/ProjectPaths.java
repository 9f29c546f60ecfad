package com.miniwms.salesorders.local.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files are, seen from a JVM started by Maven, by the Makefile or by an IDE.
 */
public final class ProjectPaths {

    /** System property naming the repository root (Surefire and Failsafe pass it). */
    public static final String PROJECT_ROOT_PROPERTY = "project.root";
    /** System property naming the emulator's Python virtual environment. */
    public static final String VENV_PROPERTY = "venv.dir";
    /** Environment variable naming the emulator's Python virtual environment. */
    public static final String VENV_ENV = "VENV_DIR";

    private static final String TEMPLATE = "template.yaml";

    private ProjectPaths() {
    }

    /**
     * The repository root: system property {@code project.root}, else the nearest folder at or above the working
     * directory that holds {@code template.yaml}.
     */
    public static Path projectRoot() {
        String configured = System.getProperty(PROJECT_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root: no " + TEMPLATE + " in " + start
                + " or above it. Set -D" + PROJECT_ROOT_PROPERTY + "=<repository root>.");
    }

    /** The SAM template of the project. */
    public static Path template() {
        return projectRoot().resolve(TEMPLATE);
    }

    /**
     * The emulator's virtual environment: system property {@code venv.dir}, else environment variable
     * {@code VENV_DIR}, else {@code <project root>/.venv}.
     */
    public static Path venv() {
        String configured = System.getProperty(VENV_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VENV_ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return projectRoot().resolve(".venv");
    }

    /** A folder for local run logs: {@code <project root>/target/local}. */
    public static Path logDir() {
        return projectRoot().resolve("target").resolve("local");
    }
}
