package com.miniwms.salesorders.local.emulator;

import java.util.Map;

/**
 * {@code AWS::IAM::Role}: nothing checks permissions locally, so no role is created; the resource only gets the name
 * and ARN a deployed stack would give it ({@code <stack>-<logical id>} unless {@code RoleName} is set), so that
 * values such as a schedule target's role ARN resolve.
 */
final class IamRoleKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::IAM::Role";
    }

    @Override
    public boolean viaCloudFormation() {
        return false;
    }

    @Override
    public String create(ProvisioningContext context, String logicalId, Map<String, Object> properties) {
        String name = Values.string(properties, "RoleName");
        return name != null ? name : context.stack().stackName() + "-" + logicalId;
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String physicalId,
                                        Map<String, Object> properties) {
        return Map.of("Arn", "arn:aws:iam::" + context.stack().accountId() + ":role/" + physicalId,
                "RoleId", "AROALOCAL" + Integer.toHexString(physicalId.hashCode()).toUpperCase(java.util.Locale.ROOT));
    }
}
