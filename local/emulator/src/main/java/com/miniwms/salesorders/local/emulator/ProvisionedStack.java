package com.miniwms.salesorders.local.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The resources created on the emulator for one template, and what the template's values resolve to there. */
public final class ProvisionedStack {

    private final SamTemplate template;
    private final StackIdentity identity;
    private final URI endpoint;
    private final Map<String, ProvisionedResource> resources;
    private final IntrinsicResolver resolver;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ProvisionedStack(SamTemplate template, StackIdentity identity, URI endpoint,
                     Map<String, ProvisionedResource> resources, Map<String, String> parameterOverrides) {
        this.template = template;
        this.identity = identity;
        this.endpoint = endpoint;
        this.resources = Map.copyOf(resources);
        this.resolver = new IntrinsicResolver(template, identity, parameterOverrides,
                new IntrinsicResolver.ResourceLookup() {
                    @Override
                    public Optional<String> ref(String logicalId) {
                        return resource(logicalId).map(ProvisionedResource::physicalId);
                    }

                    @Override
                    public Optional<String> attribute(String logicalId, String attribute) {
                        return resource(logicalId).map(r -> r.attributes().get(attribute));
                    }
                });
    }

    public SamTemplate template() {
        return template;
    }

    public StackIdentity identity() {
        return identity;
    }

    public String stackName() {
        return identity.stackName();
    }

    public String region() {
        return identity.region();
    }

    public String accountId() {
        return identity.accountId();
    }

    /** The emulator endpoint the resources live on. */
    public URI endpoint() {
        return endpoint;
    }

    /** Every created resource by logical id. */
    public Map<String, ProvisionedResource> resources() {
        return resources;
    }

    public Optional<ProvisionedResource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The physical id ({@code Ref} value) of a created resource. */
    public String physicalId(String logicalId) {
        return resource(logicalId).map(ProvisionedResource::physicalId).orElseThrow(
                () -> new IllegalArgumentException("No local resource " + logicalId + "; created: "
                        + resources.keySet()));
    }

    /** Resolves template values against this stack. */
    public IntrinsicResolver resolver() {
        return resolver;
    }

    /**
     * A function's environment variables as they would be set in Lambda: {@code Ref}s to created resources become
     * their names, {@code Fn::Sub} is expanded, plain values stay as they are. A variable with no local value (it
     * names a resource that is not created locally) is left out, with a warning.
     */
    public Map<String, String> environment(SamFunction function) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            try {
                Object resolved = resolver.resolve(value);
                if (resolved != IntrinsicResolver.NO_VALUE) {
                    environment.put(name, resolver.resolveString(resolved));
                }
            } catch (IntrinsicResolver.UnresolvableException e) {
                if (warned.add(name + "=" + value)) {
                    LocalLog.warn("Environment variable " + name + " of " + function.logicalId()
                            + " has no local value (" + e.getMessage() + ")");
                }
            }
        });
        return environment;
    }

    /** {@link #environment(SamFunction)} of a function by logical id. */
    public Map<String, String> environment(String functionLogicalId) {
        return environment(template.function(functionLogicalId).orElseThrow(
                () -> new IllegalArgumentException("No function " + functionLogicalId + " in the template")));
    }

    /**
     * The environment variables of every function together, as one JVM hosting all of them sees them. Where two
     * functions give one variable different values, the first function's value is kept and a warning printed.
     */
    public Map<String, String> functionEnvironment() {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> firstOwner = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            environment(function).forEach((name, value) -> {
                String existing = all.putIfAbsent(name, value);
                if (existing == null) {
                    firstOwner.put(name, function.logicalId());
                } else if (!existing.equals(value)) {
                    LocalLog.warn("Environment variable " + name + " is '" + existing + "' for "
                            + firstOwner.get(name) + " but '" + value + "' for " + function.logicalId()
                            + "; one JVM can hold only the first locally");
                }
            });
        }
        return all;
    }
}
