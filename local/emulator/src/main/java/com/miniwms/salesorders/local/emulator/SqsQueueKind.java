package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code AWS::SQS::Queue}, created by the emulator's CloudFormation. {@code Ref} is the queue URL, as on AWS;
 * {@code Arn} and {@code QueueName} come from {@code GetQueueAttributes}.
 */
final class SqsQueueKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::SQS::Queue";
    }

    @Override
    public Optional<String> physicalIdFromProperties(ProvisioningContext context, String logicalId,
                                                     Map<String, Object> properties) {
        String name = Values.string(properties, "QueueName");
        return name == null ? Optional.empty()
                : Optional.of(context.clients().sqs().getQueueUrl(r -> r.queueName(name)).queueUrl());
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String physicalId,
                                        Map<String, Object> properties) {
        SqsClient sqs = context.clients().sqs();
        String url = physicalId.startsWith("http") ? physicalId
                : sqs.getQueueUrl(r -> r.queueName(physicalId)).queueUrl();
        Map<QueueAttributeName, String> found = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes();
        String arn = found.get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", arn);
        attributes.put("QueueName", arn.substring(arn.lastIndexOf(':') + 1));
        attributes.put("QueueUrl", url);
        return attributes;
    }
}
