package com.miniwms.salesorders.local.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS emulator this JVM talks to.
 *
 * <p>Normally a {@code moto_server} child process from the project's virtual environment, on a free loopback port.
 * When the environment variable {@code AWS_ENDPOINT_URL} is set, nothing is started and that endpoint (LocalStack,
 * another moto, or AWS itself) is used as it is.
 */
public final class MotoServer implements AutoCloseable {

    /** The SDK's standard environment variable for one endpoint for every service. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final URI endpoint;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private MotoServer(URI endpoint, Process process, Path logFile) {
        this.endpoint = endpoint;
        this.process = process;
        this.logFile = logFile;
        if (process != null) {
            this.shutdownHook = new Thread(this::stopProcess, "moto-server-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Uses {@code AWS_ENDPOINT_URL} when it is set, otherwise starts moto from {@link ProjectPaths#venv()} and
     * waits until it answers.
     */
    public static MotoServer start() {
        Optional<URI> external = externalEndpoint();
        if (external.isPresent()) {
            return new MotoServer(external.get(), null, null);
        }
        return startMoto(ProjectPaths.venv(), ProjectPaths.logDir(), DEFAULT_START_TIMEOUT);
    }

    /** Starts moto from the given virtual environment, whatever {@code AWS_ENDPOINT_URL} says. */
    public static MotoServer startMoto(Path venv, Path logDir, Duration timeout) {
        Path executable = venv.resolve("bin").resolve("moto_server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The AWS emulator is not installed: " + executable + " is missing. "
                    + "Run `make test` or `make run` once to create the project's Python environment ("
                    + venv + "), or set VENV_DIR / -D" + ProjectPaths.VENV_PROPERTY + " to one with moto[server].");
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Path log = logDir.resolve("moto-" + port + ".log");
            Process process = launch(executable, port, log);
            MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), process, log);
            try {
                long started = System.nanoTime();
                server.awaitReady(timeout);
                server.warmUpCloudFormation();
                LocalLog.debug("moto answered on " + server.endpoint() + " after "
                        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
                return server;
            } catch (IllegalStateException e) {
                server.close();
                last = e;
                if (!e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** The endpoint named by {@code AWS_ENDPOINT_URL}, if that is set. */
    public static Optional<URI> externalEndpoint() {
        String value = System.getenv(ENDPOINT_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(value.trim()));
    }

    /** Where AWS SDK clients must send their requests. */
    public URI endpoint() {
        return endpoint;
    }

    /** True when this JVM started the emulator (and so owns it); false when {@code AWS_ENDPOINT_URL} was used. */
    public boolean managed() {
        return process != null;
    }

    /** The emulator's own log, when this JVM started it. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** The emulator's process, when this JVM started it. */
    public Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    /** Stops the emulator and every process it started; does nothing for an external endpoint. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process == null) {
            return;
        }
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; either way the process is stopped.
        }
    }

    private void stopProcess() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Process launch(Path executable, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            java.util.List<String> command = new java.util.ArrayList<>(
                    java.util.List.of(serialisedLauncherCommand(executable, log.getParent())));
            command.addAll(java.util.List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            // moto must not see the caller's endpoint settings or credentials.
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_ENDPOINT_URL"));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
    }

    /**
     * The command that starts moto with its DynamoDB operations isolated from each other, as DynamoDB isolates
     * transactions (see moto_server_serialised.py): the venv's Python with that script, written next to the log.
     */
    private static String[] serialisedLauncherCommand(Path executable, Path dir) throws IOException {
        Path script = dir.resolve("moto_server_serialised.py");
        try (var in = MotoServer.class.getResourceAsStream("moto_server_serialised.py")) {
            if (in == null) {
                return new String[] {executable.toString()};
            }
            Files.write(script, in.readAllBytes());
        }
        return new String[] {executable.resolveSibling("python").toString(), script.toString()};
    }

    private void awaitReady(Duration timeout) {
        HttpRequest ping = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The AWS emulator (moto) exited with code " + process.exitValue()
                            + " while starting. Its log " + logFile + " ends with:\n" + logTail());
                }
                try {
                    client.send(ping, HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the AWS emulator", e);
                }
            }
        }
        throw new IllegalStateException("The AWS emulator (moto) did not answer on " + endpoint + " within "
                + timeout.toSeconds() + " s. Check that the project's Python environment is complete (run `make test`"
                + " or `make run`, which create it). Its log " + logFile + " ends with:\n" + logTail());
    }

    /**
     * moto imports a service's code on that service's first request, and CloudFormation's takes about a second.
     * One unsigned, fire-and-forget {@code ListStacks} starts that import while this JVM is still loading its own
     * SDK classes; the real requests that follow simply find it done.
     */
    private void warmUpCloudFormation() {
        HttpRequest listStacks = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/cloudformation/"
                        + "aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListStacks&Version=2010-05-15"))
                .build();
        HttpClient client = HttpClient.newHttpClient();
        client.sendAsync(listStacks, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> client.shutdown());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the AWS emulator", e);
        }
    }
}
