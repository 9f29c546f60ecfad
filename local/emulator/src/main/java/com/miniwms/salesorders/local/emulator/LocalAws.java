package com.miniwms.salesorders.local.emulator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The emulator with the template's resources on it: starts {@link MotoServer}, provisions the template and knows the
 * system properties that point the AWS SDK and the functions' configuration at it.
 *
 * <p>System properties are JVM-wide: one {@code LocalAws} per JVM is the intended use.
 */
public final class LocalAws implements AutoCloseable {

    /** The region used against the emulator. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** Credentials the emulator accepts. */
    public static final String TEST_KEY = "test";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MotoServer server;
    private final AwsClients clients;
    private final ProvisionedStack stack;
    private final boolean testCredentials;
    private volatile boolean closed;

    private LocalAws(MotoServer server, AwsClients clients, ProvisionedStack stack, boolean testCredentials) {
        this.server = server;
        this.clients = clients;
        this.stack = stack;
        this.testCredentials = testCredentials;
    }

    /** Starts the emulator and provisions the project's {@code template.yaml} as the given stack. */
    public static LocalAws start(String stackName) {
        return start(ProjectPaths.template(), stackName);
    }

    /** Starts the emulator and provisions a template file as the given stack. */
    public static LocalAws start(Path template, String stackName) {
        MotoServer server = MotoServer.start();
        try {
            return start(server, SamTemplate.load(template), stackName);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Provisions a template on a running emulator. The returned object owns {@code server}: closing it stops the
     * server.
     */
    public static LocalAws start(MotoServer server, SamTemplate template, String stackName) {
        boolean testCredentials = server.managed() || !hasOwnCredentials();
        AwsCredentialsProvider credentials = testCredentials
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(TEST_KEY, TEST_KEY))
                : DefaultCredentialsProvider.builder().build();
        String region = server.managed() ? DEFAULT_REGION : configuredRegion();
        AwsClients clients = new AwsClients(server.endpoint(), region, credentials);
        try {
            ProvisionedStack stack = new TemplateProvisioner(template, clients).provision(stackName);
            return new LocalAws(server, clients, stack, testCredentials);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    /** A stack name no other run uses: {@code prefix-} and eight random letters and digits. */
    public static String uniqueStackName(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    public MotoServer server() {
        return server;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public AwsClients clients() {
        return clients;
    }

    public ProvisionedStack stack() {
        return stack;
    }

    /**
     * What the SDK and the functions read: {@code aws.endpointUrl}, {@code aws.region}, the emulator's test
     * credentials ({@code aws.accessKeyId}, {@code aws.secretAccessKey}; left out when an external endpoint is used
     * with credentials of its own) and every function environment variable of the template under its own name.
     */
    public Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.endpointUrl", server.endpoint().toString());
        properties.put("aws.region", clients.region());
        if (testCredentials) {
            properties.put("aws.accessKeyId", TEST_KEY);
            properties.put("aws.secretAccessKey", TEST_KEY);
        }
        properties.putAll(stack.functionEnvironment());
        return properties;
    }

    /** Sets {@link #systemProperties()} on this JVM. */
    public void applySystemProperties() {
        systemProperties().forEach(System::setProperty);
    }

    /** Closes the SDK clients and stops the emulator this object started. Safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.close();
        } finally {
            server.close();
        }
    }

    private static boolean hasOwnCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null
                || System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != null
                || System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"), ".aws");
        return Files.exists(home.resolve("credentials")) || Files.exists(home.resolve("config"));
    }

    private static String configuredRegion() {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value.trim().toLowerCase(Locale.ROOT);
            }
        }
        return DEFAULT_REGION;
    }
}
