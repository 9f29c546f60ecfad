package com.miniwms.salesorders.local.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * How one CloudFormation resource type is brought up on the emulator.
 *
 * <p>The preferred route is the emulator's own CloudFormation ({@link #viaCloudFormation()} true): the resource's
 * template definition goes into the stack as it is, and {@link #complete} then applies, through the SDK, whatever
 * the emulator's CloudFormation ignores. A type the emulator's CloudFormation does not know returns false and
 * implements {@link #create} instead. Register a new kind in {@link ResourceKinds#defaults()}.
 */
public interface ResourceKind {

    /** The CloudFormation type, for example {@code AWS::DynamoDB::Table}. */
    String type();

    /** True when the emulator's CloudFormation creates this type (the default). */
    default boolean viaCloudFormation() {
        return true;
    }

    /**
     * Creates the resource directly through the SDK, for types not created via CloudFormation.
     *
     * @param properties resolved {@code Properties} (what cannot be resolved locally is left out)
     * @return the physical id ({@code Ref} value)
     */
    default String create(ProvisioningContext context, String logicalId, Map<String, Object> properties) {
        throw new UnsupportedOperationException(type() + " is created via CloudFormation");
    }

    /** The physical id, when the emulator's {@code DescribeStackResources} leaves it out. */
    default Optional<String> physicalIdFromProperties(ProvisioningContext context, String logicalId,
                                                      Map<String, Object> properties) {
        return Optional.empty();
    }

    /**
     * Checks the created resource, applies the template properties the emulator's CloudFormation ignored, and
     * returns the resource's {@code Fn::GetAtt} attributes (such as {@code Arn}).
     */
    default Map<String, String> complete(ProvisioningContext context, String logicalId, String physicalId,
                                         Map<String, Object> properties) {
        return Map.of();
    }
}
