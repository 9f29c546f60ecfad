package com.miniwms.salesorders.local.emulator;

import java.util.Map;

/**
 * {@code AWS::Serverless::Function}: the functions run in the local runtime's JVM, not on the emulator, so nothing
 * is created; the resource gets the name {@code <stack>-<logical id>} (unless {@code FunctionName} is set) and the
 * matching {@code Arn}, which is how the local runtime finds a function that a schedule or an invoke names.
 */
final class ServerlessFunctionKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::Serverless::Function";
    }

    @Override
    public boolean viaCloudFormation() {
        return false;
    }

    @Override
    public String create(ProvisioningContext context, String logicalId, Map<String, Object> properties) {
        String name = Values.string(properties, "FunctionName");
        return name != null ? name : context.stack().stackName() + "-" + logicalId;
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String physicalId,
                                        Map<String, Object> properties) {
        StackIdentity stack = context.stack();
        return Map.of("Arn", "arn:aws:lambda:" + stack.region() + ":" + stack.accountId() + ":function:"
                + physicalId);
    }
}
