package com.miniwms.salesorders.local.emulator;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for integration tests against the emulator: {@code @ExtendWith(MotoExtension.class)}.
 *
 * <p>Once per test JVM it starts {@link MotoServer} (or uses {@code AWS_ENDPOINT_URL}), provisions the project's
 * template under a unique stack name and sets the system properties the SDK and the functions read
 * ({@link LocalAws#systemProperties()}: endpoint, region, test credentials, {@code TABLE_NAME}, ...). The emulator
 * lives in the root store and stops when the test run ends. Test methods and constructors can take a
 * {@link ProvisionedStack}, a {@link LocalAws}, an {@link AwsClients} or a {@link URI} (the endpoint).
 *
 * <p>System property {@code sam.template} names another template.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);
    private static final String STACK_PREFIX = "sales-orders-it";

    @Override
    public void beforeAll(ExtensionContext context) {
        localAws(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ProvisionedStack.class || type == LocalAws.class || type == AwsClients.class
                || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalAws aws = localAws(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ProvisionedStack.class) {
            return aws.stack();
        }
        if (type == AwsClients.class) {
            return aws.clients();
        }
        if (type == URI.class) {
            return aws.endpoint();
        }
        return aws;
    }

    /** The JVM's emulator, started and provisioned on first use. */
    public static LocalAws localAws(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalAws.class, key -> startLocalAws(), LocalAws.class);
    }

    private static LocalAws startLocalAws() {
        String configured = System.getProperty("sam.template");
        Path template = configured == null || configured.isBlank() ? ProjectPaths.template() : Path.of(configured);
        LocalAws aws = LocalAws.start(template, LocalAws.uniqueStackName(STACK_PREFIX));
        aws.applySystemProperties();
        return aws;
    }
}
