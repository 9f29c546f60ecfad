package com.miniwms.salesorders.local.emulator;

import java.util.List;

/** The resource kinds provisioned locally. */
public final class ResourceKinds {

    private ResourceKinds() {
    }

    /** The stateful resources of the template: one line per kind. */
    public static List<ResourceKind> defaults() {
        return List.of(
                new DynamoDbTableKind(),
                new S3BucketKind(),
                new EventBusKind(),
                new SqsQueueKind(),
                new ScheduleGroupKind(),
                new IamRoleKind(),
                new ServerlessFunctionKind());
    }
}
