package com.miniwms.salesorders.channels;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** Invokes the sync function asynchronously (an Event invocation) with the connection and the run's id. */
public final class LambdaSyncStarter implements SyncStarter {
    private final LambdaClient lambda;
    private final String functionArn;

    public LambdaSyncStarter(LambdaClient lambda, String functionArn) {
        this.lambda = lambda;
        this.functionArn = functionArn;
    }

    @Override
    public void start(String connectionId, String syncId) {
        String payload = "{\"connectionId\":\"" + connectionId + "\",\"syncId\":\"" + syncId + "\"}";
        lambda.invoke(b -> b.functionName(functionArn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }
}
