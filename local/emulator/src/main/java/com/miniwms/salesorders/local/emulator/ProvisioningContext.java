package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link ResourceKind} works with: the stack's identity, SDK clients and the intrinsic resolver. */
public final class ProvisioningContext {

    private final StackIdentity stack;
    private final AwsClients clients;
    private final IntrinsicResolver resolver;

    ProvisioningContext(StackIdentity stack, AwsClients clients, IntrinsicResolver resolver) {
        this.stack = stack;
        this.clients = clients;
        this.resolver = resolver;
    }

    public StackIdentity stack() {
        return stack;
    }

    public AwsClients clients() {
        return clients;
    }

    public IntrinsicResolver resolver() {
        return resolver;
    }

    /** Resolves each property on its own; a property with no local value is left out. */
    public Map<String, Object> resolveProperties(String logicalId, Map<String, Object> properties) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            try {
                Object r = resolver.resolve(value);
                if (r != IntrinsicResolver.NO_VALUE) {
                    resolved.put(name, r);
                }
            } catch (IntrinsicResolver.UnresolvableException e) {
                LocalLog.debug(logicalId + "." + name + " left out locally: " + e.getMessage());
            }
        });
        return resolved;
    }
}
