package com.miniwms.salesorders.local.emulator;

/**
 * What the pseudo parameters of one stack resolve to.
 *
 * @param stackName {@code AWS::StackName}
 * @param stackId {@code AWS::StackId}
 * @param region {@code AWS::Region}
 * @param accountId {@code AWS::AccountId}
 */
public record StackIdentity(String stackName, String stackId, String region, String accountId) {
}
