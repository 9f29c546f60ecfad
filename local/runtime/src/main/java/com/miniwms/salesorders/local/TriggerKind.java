package com.miniwms.salesorders.local;

import java.util.List;

/**
 * One kind of event source of the template ({@code Events} entries of one {@code Type}): the HTTP API now; S3
 * notifications, EventBridge Scheduler schedules and DynamoDB stream mappings can be added as further kinds and
 * registered in {@link LocalRuntime#TRIGGER_KINDS}.
 */
interface TriggerKind {

    /** The SAM event {@code Type} this kind serves, for example {@code HttpApi}. */
    String eventType();

    /** Starts delivering events of this type to their functions. */
    Trigger start(TriggerContext context, List<FunctionEvent> events);
}
