package com.miniwms.salesorders.local.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Creates the template's stateful resources on the emulator from the template's own definitions.
 *
 * <p>Resources of the registered {@link ResourceKind}s go, as defined, into a plain CloudFormation template (no SAM
 * transform, long-form intrinsics) that is sent to the emulator's {@code CreateStack}; physical ids come back from
 * {@code DescribeStackResources}. Kinds the emulator's CloudFormation cannot create are created directly through the
 * SDK. Each kind then completes what the emulator's CloudFormation left out.
 */
public final class TemplateProvisioner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STACK_TIMEOUT = Duration.ofSeconds(120);
    private static final String DEFAULT_ACCOUNT = "123456789012";

    private final SamTemplate template;
    private final AwsClients clients;
    private final Map<String, ResourceKind> kinds;
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();

    public TemplateProvisioner(SamTemplate template, AwsClients clients) {
        this(template, clients, ResourceKinds.defaults());
    }

    public TemplateProvisioner(SamTemplate template, AwsClients clients, Collection<ResourceKind> kinds) {
        this.template = template;
        this.clients = clients;
        this.kinds = kinds.stream().collect(Collectors.toMap(ResourceKind::type, Function.identity(),
                (a, b) -> b, LinkedHashMap::new));
    }

    /** Gives a template parameter a value other than its default. */
    public TemplateProvisioner withParameter(String name, String value) {
        parameterOverrides.put(name, value);
        return this;
    }

    /** The resources this provisioner creates, in template order. */
    public List<SamResource> provisionedResources() {
        return template.resources().values().stream().filter(r -> kinds.containsKey(r.type())).toList();
    }

    /** The CloudFormation template sent to the emulator: the resources created via CloudFormation, nothing else. */
    public Map<String, Object> stackTemplate() {
        List<SamResource> viaStack = provisionedResources().stream()
                .filter(r -> kinds.get(r.type()).viaCloudFormation()).toList();
        Set<String> included = viaStack.stream().map(SamResource::logicalId).collect(Collectors.toSet());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AWSTemplateFormatVersion", "2010-09-09");
        body.put("Description", "Stateful resources of "
                + template.source().map(p -> p.getFileName().toString()).orElse("the template")
                + ", created locally");
        if (!template.parameters().isEmpty()) {
            body.put("Parameters", template.parameters());
        }
        if (!template.mappings().isEmpty()) {
            body.put("Mappings", template.mappings());
        }
        if (!template.conditions().isEmpty()) {
            body.put("Conditions", template.conditions());
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        for (SamResource resource : viaStack) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("Type", resource.type());
            resource.condition().ifPresent(c -> definition.put("Condition", c));
            List<String> dependsOn = resource.dependsOn().stream().filter(included::contains).toList();
            if (!dependsOn.isEmpty()) {
                definition.put("DependsOn", dependsOn);
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            resource.properties().forEach((name, value) -> {
                Set<String> outside = new LinkedHashSet<>(References.resources(value, template));
                outside.removeAll(included);
                if (outside.isEmpty()) {
                    properties.put(name, value);
                } else {
                    LocalLog.warn(resource.logicalId() + "." + name + " is left out locally: it refers to "
                            + outside + ", which the local stack does not create");
                }
            });
            if (!properties.isEmpty()) {
                definition.put("Properties", properties);
            }
            resources.put(resource.logicalId(), definition);
        }
        body.put("Resources", resources);
        return body;
    }

    /**
     * Creates the resources under the given stack name (it must be unique on the emulator; names such as
     * {@code sales-orders-it-3f9c1a2b} keep parallel test JVMs apart).
     */
    public ProvisionedStack provision(String stackName) {
        long started = System.nanoTime();
        Map<String, String> physicalIds = new HashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        IntrinsicResolver.ResourceLookup lookup = new IntrinsicResolver.ResourceLookup() {
            @Override
            public Optional<String> ref(String logicalId) {
                return Optional.ofNullable(physicalIds.get(logicalId));
            }

            @Override
            public Optional<String> attribute(String logicalId, String attribute) {
                return Optional.ofNullable(attributes.getOrDefault(logicalId, Map.of()).get(attribute));
            }
        };

        StackIdentity identity;
        Map<String, Object> stackTemplate = stackTemplate();
        if (Values.asMap(stackTemplate.get("Resources")).isEmpty()) {
            identity = new StackIdentity(stackName, syntheticStackId(stackName), clients.region(), DEFAULT_ACCOUNT);
        } else {
            Stack stack = createStack(stackName, stackTemplate);
            LocalLog.debug("Stack " + stackName + " created on the emulator after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            String stackId = stack.stackId();
            identity = new StackIdentity(stackName, stackId, clients.region(), accountOf(stackId));
            for (StackResource r : clients.cloudFormation()
                    .describeStackResources(q -> q.stackName(stackName)).stackResources()) {
                if (r.physicalResourceId() != null && !r.physicalResourceId().isBlank()) {
                    physicalIds.put(r.logicalResourceId(), r.physicalResourceId());
                }
            }
        }

        IntrinsicResolver resolver = new IntrinsicResolver(template, identity, parameterOverrides, lookup);
        ProvisioningContext context = new ProvisioningContext(identity, clients, resolver);
        Map<String, ProvisionedResource> provisioned = new LinkedHashMap<>();
        for (SamResource resource : provisionedResources()) {
            if (resource.condition().isPresent() && !resolver.condition(resource.condition().get())) {
                continue;
            }
            ResourceKind kind = kinds.get(resource.type());
            Map<String, Object> properties = context.resolveProperties(resource.logicalId(), resource.properties());
            String physicalId = physicalIds.get(resource.logicalId());
            if (!kind.viaCloudFormation()) {
                physicalId = kind.create(context, resource.logicalId(), properties);
            } else if (physicalId == null) {
                physicalId = kind.physicalIdFromProperties(context, resource.logicalId(), properties)
                        .orElseThrow(() -> new IllegalStateException("The emulator reports no physical id for "
                                + resource.logicalId() + " (" + resource.type() + ") in stack " + stackName));
            }
            physicalIds.put(resource.logicalId(), physicalId);
            Map<String, String> attrs = Map.copyOf(
                    kind.complete(context, resource.logicalId(), physicalId, properties));
            attributes.put(resource.logicalId(), attrs);
            provisioned.put(resource.logicalId(),
                    new ProvisionedResource(resource.logicalId(), resource.type(), physicalId, attrs));
        }
        LocalLog.debug("Provisioned stack " + stackName + " (" + provisioned.size() + " resources) in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        return new ProvisionedStack(template, identity, clients.endpoint(), provisioned, parameterOverrides);
    }

    private Stack createStack(String stackName, Map<String, Object> stackTemplate) {
        CloudFormationClient cloudFormation = clients.cloudFormation();
        String body;
        try {
            body = JSON.writeValueAsString(stackTemplate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the local stack template", e);
        }
        List<Parameter> parameters = new ArrayList<>();
        parameterOverrides.forEach((name, value) -> {
            if (template.parameters().containsKey(name)) {
                parameters.add(Parameter.builder().parameterKey(name).parameterValue(value).build());
            }
        });
        try {
            cloudFormation.createStack(r -> r.stackName(stackName).templateBody(body).parameters(parameters));
        } catch (AlreadyExistsException exists) {
            LocalLog.info("Stack " + stackName + " exists already on " + clients.endpoint() + "; using it");
        }

        long deadline = System.nanoTime() + STACK_TIMEOUT.toNanos();
        while (true) {
            Stack stack = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().get(0);
            StackStatus status = stack.stackStatus();
            if (status == StackStatus.CREATE_COMPLETE || status == StackStatus.UPDATE_COMPLETE) {
                return stack;
            }
            if (!stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
                throw new IllegalStateException("Local stack " + stackName + " ended in " + status + ": "
                        + failureReasons(cloudFormation, stackName));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Local stack " + stackName + " still " + status + " after "
                        + STACK_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating stack " + stackName, e);
            }
        }
    }

    private static String failureReasons(CloudFormationClient cloudFormation, String stackName) {
        try {
            return cloudFormation.describeStackEvents(r -> r.stackName(stackName)).stackEvents().stream()
                    .filter(e -> e.resourceStatusAsString() != null && e.resourceStatusAsString().endsWith("FAILED"))
                    .map(StackEvent::resourceStatusReason)
                    .collect(Collectors.joining("; "));
        } catch (RuntimeException e) {
            return "(no stack events: " + e.getMessage() + ")";
        }
    }

    private static String accountOf(String stackId) {
        String[] parts = stackId == null ? new String[0] : stackId.split(":");
        return parts.length > 4 && !parts[4].isBlank() ? parts[4] : DEFAULT_ACCOUNT;
    }

    private String syntheticStackId(String stackName) {
        return "arn:aws:cloudformation:" + clients.region() + ":" + DEFAULT_ACCOUNT + ":stack/" + stackName + "/"
                + UUID.randomUUID();
    }
}
