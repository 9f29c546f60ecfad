package com.miniwms.salesorders.aws;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;

/** An EventBridge that keeps every entry it is sent and refuses the first {@code refusals} of them. */
public final class RecordingEventBridge implements EventBridgeClient {
    public final List<PutEventsRequestEntry> sent = new ArrayList<>();
    private int refusals;

    public RecordingEventBridge(int refusals) {
        this.refusals = refusals;
    }

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        sent.addAll(request.entries());
        if (refusals > 0) {
            refusals--;
            return PutEventsResponse.builder().failedEntryCount(request.entries().size())
                    .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder()
                            .errorCode("InternalFailure").errorMessage("try again").build()).toList())
                    .build();
        }
        return PutEventsResponse.builder().failedEntryCount(0)
                .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder().eventId("e").build())
                        .toList())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
