package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AWS::Events::EventBus}, created by the emulator's CloudFormation, which does not report its physical id:
 * that is the bus name, taken from {@code Name}.
 */
final class EventBusKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::Events::EventBus";
    }

    @Override
    public Optional<String> physicalIdFromProperties(ProvisioningContext context, String logicalId,
                                                     Map<String, Object> properties) {
        return Optional.ofNullable(Values.string(properties, "Name"));
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String busName,
                                        Map<String, Object> properties) {
        var bus = context.clients().eventBridge().describeEventBus(r -> r.name(busName));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", bus.arn());
        attributes.put("Name", bus.name());
        return attributes;
    }
}
