package com.miniwms.salesorders.channels;

import com.miniwms.salesorders.config.Settings;

/** The channel API's and the sync's configuration, read once at start-up. */
public record ChannelConfig(String tableName, String secretPrefix, String scheduleGroup, String syncFunctionArn,
                            String schedulerRoleArn, String deadLetterQueueArn) {

    public static ChannelConfig fromEnvironment() {
        return new ChannelConfig(Settings.require("TABLE_NAME"), Settings.require("CHANNEL_SECRET_PREFIX"),
                Settings.require("SYNC_SCHEDULE_GROUP"), Settings.require("SYNC_FUNCTION_ARN"),
                Settings.require("SYNC_SCHEDULER_ROLE_ARN"), Settings.require("SYNC_DEAD_LETTER_QUEUE_ARN"));
    }
}
