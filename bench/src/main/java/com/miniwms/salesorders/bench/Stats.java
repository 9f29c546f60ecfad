package com.miniwms.salesorders.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a sample: median (mean of the middle two for an even count), 90th percentile (nearest rank),
 * minimum and maximum.
 */
public record Stats(int count, double median, double p90, double min, double max) {

    public static Stats of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p90 = sorted[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        return new Stats(n, median, p90, sorted[0], sorted[n - 1]);
    }
}
