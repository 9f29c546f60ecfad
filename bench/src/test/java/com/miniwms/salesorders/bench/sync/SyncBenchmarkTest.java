package com.miniwms.salesorders.bench.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounds the sync benchmark compares against, computed by hand from the documented limits. */
class SyncBenchmarkTest {

    @Test
    void amazonsBoundIsTheCallsBeyondTheBurstAtOnePerToken() {
        assertThat(SyncBenchmark.amazonMinimum(5)).isEqualTo(Duration.ZERO);
        assertThat(SyncBenchmark.amazonMinimum(20)).isEqualTo(Duration.ZERO);
        // 25 calls: 5 beyond the burst of 20, one per 1 / 0.0056 s = 178.57 s.
        assertThat(SyncBenchmark.amazonMinimum(25).toMillis()).isBetween(892_856L, 892_858L);
    }

    @Test
    void shopifysBoundWaitsForEachPagesRequestedCostAndPaysItsActualCost() {
        // Requested 1 + 250 x (1 + 5) = 1,501 points, actual 1 + 250 x 3 = 751. The first page goes at once
        // (2,000 available), the second waits for 1,501 - 1,249 = 252 points, each later one for 751: at 100/s
        // that is 2.52 s + 6 x 7.51 s.
        assertThat(MarketplaceStandIns.requestedCost(250, 5)).isEqualTo(1501.0);
        assertThat(SyncBenchmark.shopifyMinimum().toMillis()).isBetween(47_579L, 47_581L);
    }

    @Test
    void theTableShowsTheRatioOnlyWhereALimitBinds() {
        String table = SyncBenchmark.render(List.of(
                new SyncBenchmark.Row("bound", 500, 25, 0, Duration.ofSeconds(990), Duration.ofSeconds(900), "ok"),
                new SyncBenchmark.Row("free", 2000, 8, 0, Duration.ofMillis(250), null, "ok")));
        assertThat(table).contains("| 1.100x |").contains("| 8,000 |");
    }
}
