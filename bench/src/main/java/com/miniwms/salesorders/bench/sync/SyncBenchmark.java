package com.miniwms.salesorders.bench.sync;

import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.MarketplaceClient;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.amazon.AmazonClient;
import com.miniwms.salesorders.sync.amazon.AmazonSettings;
import com.miniwms.salesorders.sync.amazon.LwaTokenSource;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.Sleeper;
import com.miniwms.salesorders.sync.http.TokenBucket;
import com.miniwms.salesorders.sync.shopify.ShopifyClient;
import com.miniwms.salesorders.sync.shopify.ShopifySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The marketplace sync section of {@code make bench}: the Shopify and Amazon clients pulling every page of a
 * window from local stand-ins (HTTP, JSON, mapping; the import into DynamoDB is not part of it).
 *
 * <ul>
 *   <li>Unthrottled: orders per second (median of five runs after a warm-up).</li>
 *   <li>Rate-limited, on simulated time ({@link SimulatedTime}): the run's time (simulated waits plus the real time
 *       of the calls) against the minimum the rate limit allows for the same calls, computed from the limit
 *       alone. Shopify: Standard plan bucket, 2,000 points restoring 100/s. Amazon {@code searchOrders}: 0.0056/s,
 *       burst 20.</li>
 * </ul>
 */
public final class SyncBenchmark {
    static final int SHOPIFY_ORDERS = 2_000;
    static final int SHOPIFY_PAGE = 250;
    static final int SHOPIFY_LINES = 5;
    static final int AMAZON_ORDERS = 500;
    static final double AMAZON_RATE = 0.0056;
    static final int AMAZON_BURST = 20;
    private static final FetchWindow WINDOW = new FetchWindow(Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2026-07-02T00:00:00Z"));

    private SyncBenchmark() {
    }

    /** One row of the table. */
    record Row(String scenario, int orders, int calls, int throttled, Duration time, Duration minimum,
               String outcome) {
        String ratio() {
            if (minimum == null || minimum.isZero() || time == null) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.3fx", time.toNanos() / (double) minimum.toNanos());
        }

        String perSecond() {
            if (time == null || time.isZero()) {
                return "–";
            }
            return String.format(Locale.ROOT, "%,.0f", orders / (time.toNanos() / 1e9));
        }
    }

    public static void main(String[] args) {
        List<Row> rows = new ArrayList<>();
        try {
            rows.add(unthrottled("Shopify, 2,000 orders, pages of 250, unthrottled", true));
            rows.add(shopifyStandardPlan());
            rows.add(unthrottled("Amazon, 500 orders, pages of 100, unthrottled", false));
            rows.add(amazon(100, true));
            rows.add(amazon(20, true));
            rows.add(amazon(20, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String table = render(rows);
        System.out.println(table);
        Path out = Path.of(System.getProperty("project.root", ".")).resolve("bench/target/bench-sync-results.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
            System.out.println("Written to " + out + ".");
        } catch (IOException e) {
            System.err.println("[bench] cannot write " + out + ": " + e.getMessage());
        }
        System.exit(0);
    }

    private static RetryingHttp http(Sleeper sleeper) {
        return new RetryingHttp(RetryingHttp.defaultClient(), RetryPolicy.DEFAULT, sleeper);
    }

    private static ShopifyClient shopify(URI base, Sleeper sleeper) {
        return new ShopifyClient(new ShopifySettings(base, "2026-07", SHOPIFY_PAGE, SHOPIFY_LINES), () -> "shpat_bench",
                http(sleeper));
    }

    private static AmazonClient amazon(URI base, int pageSize, Clock clock, Sleeper sleeper, boolean paced) {
        RetryingHttp http = http(sleeper);
        LwaTokenSource tokens = new LwaTokenSource(URI.create(base + "/auth/o2/token"), "amzn1.bench", "bench",
                "Atzr|bench", http, clock);
        return new AmazonClient(new AmazonSettings(base, List.of("A1PA6795UKMFR9"), false, pageSize), tokens, http,
                paced ? TokenBucket.amazonSearchOrders(clock, sleeper) : null);
    }

    /** Pulls every page; returns the orders pulled. */
    private static int pullAll(MarketplaceClient client) {
        return pullAll(client, new int[1]);
    }

    /** Pulls every page, counting the orders in {@code pulled[0]} as it goes; returns them. */
    private static int pullAll(MarketplaceClient client, int[] pulled) {
        String cursor = null;
        do {
            ChannelPage page = client.fetch(WINDOW, cursor);
            pulled[0] += page.orders().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return pulled[0];
    }

    private static Row unthrottled(String scenario, boolean isShopify) throws IOException {
        int expected = isShopify ? SHOPIFY_ORDERS : AMAZON_ORDERS;
        try (MarketplaceStandIns standIns = new MarketplaceStandIns(expected, Clock.systemUTC(), null, null)) {
            Sleeper noWait = d -> { };
            long[] nanos = new long[5];
            int calls = 0;
            for (int run = -2; run < nanos.length; run++) {
                MarketplaceClient client = isShopify ? shopify(standIns.baseUrl(), noWait)
                        : amazon(standIns.baseUrl(), 100, Clock.systemUTC(), noWait, false);
                int before = isShopify ? standIns.shopifyCalls.get() : standIns.amazonCalls.get();
                long start = System.nanoTime();
                int pulled = pullAll(client);
                long took = System.nanoTime() - start;
                calls = (isShopify ? standIns.shopifyCalls.get() : standIns.amazonCalls.get()) - before;
                if (pulled != expected) {
                    throw new IllegalStateException(scenario + ": pulled " + pulled + " of " + expected);
                }
                if (run >= 0) {
                    nanos[run] = took;
                }
            }
            Arrays.sort(nanos);
            return new Row(scenario, expected, calls, 0, Duration.ofNanos(nanos[nanos.length / 2]), null,
                    "median of 5");
        }
    }

    private static Row shopifyStandardPlan() throws IOException {
        SimulatedTime time = new SimulatedTime();
        MarketplaceStandIns.ShopifyBucket bucket = new MarketplaceStandIns.ShopifyBucket(2000, 100, time);
        try (MarketplaceStandIns standIns = new MarketplaceStandIns(SHOPIFY_ORDERS, time, bucket, null)) {
            Instant start = time.instant();
            int pulled = pullAll(shopify(standIns.baseUrl(), time));
            Duration took = Duration.between(start, time.instant());
            return new Row("Shopify, 2,000 orders, pages of 250, Standard plan (2,000 pts, 100 pts/s)", pulled,
                    standIns.shopifyCalls.get(), standIns.shopifyThrottled.get(), took, shopifyMinimum(),
                    pulled == SHOPIFY_ORDERS ? "all pulled" : "pulled " + pulled);
        }
    }

    /** The least time the cost bucket allows: each page waits exactly until its requested cost is available. */
    static Duration shopifyMinimum() {
        double available = 2000;
        double seconds = 0;
        double requested = MarketplaceStandIns.requestedCost(SHOPIFY_PAGE, SHOPIFY_LINES);
        for (int offset = 0; offset < SHOPIFY_ORDERS; offset += SHOPIFY_PAGE) {
            int count = Math.min(SHOPIFY_PAGE, SHOPIFY_ORDERS - offset);
            if (available < requested) {
                seconds += (requested - available) / 100;
                available = requested;
            }
            available -= 1 + count * 3.0;
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** The least time the token bucket allows for {@code calls} calls: those beyond the burst, one per token. */
    static Duration amazonMinimum(int calls) {
        return Duration.ofNanos((long) (Math.max(0, calls - AMAZON_BURST) / AMAZON_RATE * 1e9));
    }

    private static Row amazon(int pageSize, boolean paced) throws IOException {
        SimulatedTime time = new SimulatedTime();
        MarketplaceStandIns.AmazonBucket bucket = new MarketplaceStandIns.AmazonBucket(AMAZON_RATE, AMAZON_BURST, time);
        int calls = (AMAZON_ORDERS + pageSize - 1) / pageSize;
        String scenario = String.format(Locale.ROOT, "Amazon, 500 orders, pages of %d (%d searchOrders), "
                + "0.0056/s burst 20, %s", pageSize, calls, paced ? "paced (token bucket)" : "backoff on 429 only");
        try (MarketplaceStandIns standIns = new MarketplaceStandIns(AMAZON_ORDERS, time, null, bucket)) {
            Instant start = time.instant();
            int[] progress = new int[1];
            int pulled = 0;
            String outcome;
            try {
                pulled = pullAll(amazon(standIns.baseUrl(), pageSize, time, time, paced), progress);
                outcome = "all pulled";
            } catch (MarketplaceException e) {
                outcome = "run failed with " + progress[0] + " orders pulled (" + e.getMessage() + ")";
            }
            Duration took = Duration.between(start, time.instant());
            if (!outcome.equals("all pulled")) {
                return new Row(scenario, AMAZON_ORDERS, standIns.amazonCalls.get(), standIns.amazon429.get(), null,
                        amazonMinimum(calls), outcome + " after " + format(took));
            }
            Duration minimum = amazonMinimum(calls);
            return new Row(scenario, pulled, standIns.amazonCalls.get(), standIns.amazon429.get(), took,
                    minimum.isZero() ? null : minimum, minimum.isZero() ? "within the burst: no wait needed"
                    : "all pulled");
        }
    }

    static String format(Duration duration) {
        if (duration == null) {
            return "–";
        }
        double seconds = duration.toNanos() / 1e9;
        return seconds >= 10 ? String.format(Locale.ROOT, "%,.1f s", seconds)
                : String.format(Locale.ROOT, "%,.1f ms", seconds * 1000);
    }

    static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder("## Marketplace sync: pulling orders from the stand-ins\n\n");
        out.append("| scenario | orders | calls | throttled | time | minimum the limit allows | ratio | orders/s | "
                + "outcome |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.orders()).append(" | ")
                    .append(row.calls()).append(" | ").append(row.throttled()).append(" | ")
                    .append(format(row.time())).append(" | ").append(format(row.minimum())).append(" | ")
                    .append(row.ratio()).append(" | ").append(row.minimum() == null ? row.perSecond() : "–")
                    .append(" | ").append(row.outcome()).append(" |\n");
        }
        out.append("\nRate-limited rows run on simulated time: the clients' waits move a clock that the stand-ins'"
                + " rate limiters read, so minutes of waiting take milliseconds; time = simulated waits + real time"
                + " of the calls. The minimum is computed from the limit alone (every call made the moment the"
                + " bucket allows it, calls taking no time). Goal: within 1.1x. Orders/s is shown for rows without"
                + " a binding limit: client-side pulling (HTTP on loopback, JSON, mapping), not the import.\n");
        return out.toString();
    }
}
