package com.miniwms.salesorders.local.emulator;

import java.util.Map;

/**
 * A resource that exists on the emulator.
 *
 * @param logicalId its key in the template's {@code Resources}
 * @param type its CloudFormation type
 * @param physicalId what {@code Ref} gives: the table name, bucket name, bus name, queue URL, ...
 * @param attributes what {@code Fn::GetAtt} gives, for example {@code Arn}
 */
public record ProvisionedResource(String logicalId, String type, String physicalId, Map<String, String> attributes) {
}
