package com.miniwms.salesorders.local.emulator;

import java.util.Map;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * {@code AWS::Scheduler::ScheduleGroup}: the emulator's CloudFormation does not know the type, but its Scheduler API
 * does, so the group is created through the SDK. {@code Ref} is the group name, {@code Arn} its ARN, as on AWS.
 * Without a {@code Name} the group is named {@code <stack>-<logical id>}.
 */
final class ScheduleGroupKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::Scheduler::ScheduleGroup";
    }

    @Override
    public boolean viaCloudFormation() {
        return false;
    }

    @Override
    public String create(ProvisioningContext context, String logicalId, Map<String, Object> properties) {
        String name = Values.string(properties, "Name");
        if (name == null) {
            name = context.stack().stackName() + "-" + logicalId;
        }
        String groupName = name;
        SchedulerClient scheduler = context.clients().scheduler();
        try {
            scheduler.createScheduleGroup(r -> r.name(groupName));
        } catch (ConflictException exists) {
            LocalLog.debug("Schedule group " + groupName + " exists already; using it");
        }
        return groupName;
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String physicalId,
                                        Map<String, Object> properties) {
        String arn = context.clients().scheduler().getScheduleGroup(r -> r.name(physicalId)).arn();
        return Map.of("Arn", arn);
    }
}
