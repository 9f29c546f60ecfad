package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import java.time.Clock;

/**
 * What event sources work with.
 *
 * @param options the runtime's options
 * @param aws the emulator, its SDK clients and the provisioned stack
 * @param clock time source
 */
record TriggerContext(LocalRuntime.Options options, LocalAws aws, Clock clock) {

    ProvisionedStack stack() {
        return aws.stack();
    }

    SamTemplate template() {
        return aws.stack().template();
    }
}
