package com.miniwms.salesorders.channels;

import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One EventBridge Scheduler schedule per connection, in the stack's schedule group, invoking the sync function
 * with {@code {"connectionId": ...}}, with retries and the dead-letter queue.
 */
public final class EventBridgeSyncScheduler implements SyncScheduler {
    private final SchedulerClient scheduler;
    private final ChannelConfig config;

    public EventBridgeSyncScheduler(SchedulerClient scheduler, ChannelConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    static String scheduleName(String connectionId) {
        return "sync-" + connectionId;
    }

    @Override
    public void put(String connectionId, String expression, boolean enabled) {
        Target target = Target.builder()
                .arn(config.syncFunctionArn())
                .roleArn(config.schedulerRoleArn())
                .input("{\"connectionId\":\"" + connectionId + "\"}")
                .retryPolicy(r -> r.maximumRetryAttempts(2).maximumEventAgeInSeconds(900))
                .deadLetterConfig(d -> d.arn(config.deadLetterQueueArn()))
                .build();
        String name = scheduleName(connectionId);
        ScheduleState state = enabled ? ScheduleState.ENABLED : ScheduleState.DISABLED;
        try {
            scheduler.updateSchedule(b -> b.name(name).groupName(config.scheduleGroup())
                    .scheduleExpression(expression).scheduleExpressionTimezone("UTC").state(state)
                    .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.NONE).target(target));
        } catch (ResourceNotFoundException e) {
            scheduler.createSchedule(b -> b.name(name).groupName(config.scheduleGroup())
                    .scheduleExpression(expression).scheduleExpressionTimezone("UTC").state(state)
                    .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.NONE).target(target)
                    .description("Marketplace sync of channel connection " + connectionId));
        }
    }

    @Override
    public void remove(String connectionId) {
        try {
            scheduler.deleteSchedule(b -> b.name(scheduleName(connectionId)).groupName(config.scheduleGroup()));
        } catch (ResourceNotFoundException e) {
            // nothing to remove
        }
    }
}
