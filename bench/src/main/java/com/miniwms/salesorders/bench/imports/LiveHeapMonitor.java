package com.miniwms.salesorders.bench.imports;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The heap a piece of work keeps alive: the heap in use right after each garbage collection while it runs, at most.
 * Unlike the peak of the memory pools' usage, this leaves out garbage that merely waits for the next collection (under
 * a large heap, the young generation's whole size). Collections are reported on a JMX thread; {@link #close} waits
 * for all of them.
 */
final class LiveHeapMonitor implements AutoCloseable {
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicInteger reported = new AtomicInteger();
    private final long collectionsBefore = collections();
    private final NotificationListener listener = this::collected;

    /** Starts watching; the caller should collect garbage first so that the figure starts from what is live. */
    LiveHeapMonitor() {
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        peak.accumulateAndGet(used, Math::max);
        reported.incrementAndGet();
    }

    /** How many collections ran while watching. */
    long collectionsSoFar() {
        return collections() - collectionsBefore;
    }

    /** The most heap in use after a collection while watching; 0 when none ran. */
    long peakBytes() {
        return peak.get();
    }

    private long collections() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Waits (a few seconds at most) until every collection so far has been reported, then stops watching. */
    @Override
    public void close() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reported.get() < collectionsSoFar() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // Not registered with this collector: nothing to remove.
            }
        }
    }
}
