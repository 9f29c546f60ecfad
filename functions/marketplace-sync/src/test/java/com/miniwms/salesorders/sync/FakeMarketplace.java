package com.miniwms.salesorders.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A marketplace in memory: orders sorted by update time, served in pages with an offset cursor; chosen calls fail.
 */
final class FakeMarketplace implements MarketplaceClient {
    private final List<PulledOrder> orders = new ArrayList<>();
    private final int pageSize;
    private final Set<Integer> failingCalls = new HashSet<>();
    final AtomicInteger calls = new AtomicInteger();
    final List<FetchWindow> windows = new ArrayList<>();
    Runnable onFetch = () -> { };

    FakeMarketplace(int pageSize) {
        this.pageSize = pageSize;
    }

    synchronized void add(ChannelOrder order) {
        orders.add(PulledOrder.of(order));
    }

    synchronized void add(PulledOrder order) {
        orders.add(order);
    }

    synchronized void failCall(int callNumber) {
        failingCalls.add(callNumber);
    }

    @Override
    public synchronized ChannelPage fetch(FetchWindow window, String cursor) {
        int call = calls.incrementAndGet();
        onFetch.run();
        windows.add(window);
        if (failingCalls.contains(call)) {
            throw new MarketplaceException("Fake marketplace answered HTTP 500 (gave up after retrying)");
        }
        List<PulledOrder> matching = orders.stream()
                .filter(o -> o.updatedAt() == null || !o.updatedAt().isBefore(window.from())
                        && !o.updatedAt().isAfter(window.to()))
                .sorted(Comparator.comparing((PulledOrder o) -> o.updatedAt() == null ? Instant.EPOCH : o.updatedAt())
                        .thenComparing(PulledOrder::externalOrderId))
                .toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + pageSize);
        return new ChannelPage(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }
}
