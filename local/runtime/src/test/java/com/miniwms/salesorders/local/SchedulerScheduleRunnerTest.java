package com.miniwms.salesorders.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerScheduleRunnerTest {

    @Test
    void aScheduleRunsAtItsRateButAtLeastAsOftenAsTheLocalCap() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(SchedulerScheduleRunner.localInterval("rate(15 minutes)", minute)).isEqualTo(minute);
        assertThat(SchedulerScheduleRunner.localInterval("rate(1 hour)", Duration.ofHours(2)))
                .isEqualTo(Duration.ofHours(1));
        assertThat(SchedulerScheduleRunner.localInterval("rate(5 minutes)", Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(SchedulerScheduleRunner.localInterval("rate(2 days)", minute)).isEqualTo(minute);
    }

    @Test
    void cronAndUnknownExpressionsRunAtTheCap() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(SchedulerScheduleRunner.localInterval("cron(0 * * * ? *)", minute)).isEqualTo(minute);
        assertThat(SchedulerScheduleRunner.localInterval(null, minute)).isEqualTo(minute);
    }
}
