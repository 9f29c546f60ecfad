package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.OrderLine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Every line row read so far, column by column in plain arrays, the lines of one order chained by index. Up to
 * 200,000 line rows are held until the last row is read; as a few arrays instead of an object or three per row they
 * take less memory, and the garbage collector has far fewer objects to copy while the sheet is still being read.
 */
final class LineTable {
    private static final int NONE = -1;

    private int[] rows = new int[1024];
    private int[] lineNumbers = new int[1024];
    private int[] quantities = new int[1024];
    private String[] skus = new String[1024];
    private String[] descriptions = new String[1024];
    private BigDecimal[] prices = new BigDecimal[1024];
    private int[] next = new int[1024];
    /** Lines whose row had a problem: only their row is kept. */
    private final BitSet broken = new BitSet();
    private int size;

    /** Adds a good line; returns its index. */
    int add(int row, int lineNumber, String sku, String description, int quantity, BigDecimal price) {
        int index = append(row);
        lineNumbers[index] = lineNumber;
        skus[index] = sku;
        descriptions[index] = description;
        quantities[index] = quantity;
        prices[index] = price;
        return index;
    }

    /** Adds the row of a line that could not be read; returns its index. */
    int addBroken(int row) {
        int index = append(row);
        broken.set(index);
        return index;
    }

    private int append(int row) {
        if (size == rows.length) {
            grow();
        }
        rows[size] = row;
        next[size] = NONE;
        return size++;
    }

    private void grow() {
        int capacity = size * 2;
        rows = Arrays.copyOf(rows, capacity);
        lineNumbers = Arrays.copyOf(lineNumbers, capacity);
        quantities = Arrays.copyOf(quantities, capacity);
        skus = Arrays.copyOf(skus, capacity);
        descriptions = Arrays.copyOf(descriptions, capacity);
        prices = Arrays.copyOf(prices, capacity);
        next = Arrays.copyOf(next, capacity);
    }

    /** Chains line {@code index} after line {@code previous} of the same order. */
    void link(int previous, int index) {
        next[previous] = index;
    }

    /** The next line of the same order, or a negative number after the last. */
    int next(int index) {
        return next[index];
    }

    int row(int index) {
        return rows[index];
    }

    boolean isBroken(int index) {
        return broken.get(index);
    }

    OrderLine line(int index) {
        return OrderLine.of(lineNumbers[index], skus[index], descriptions[index], quantities[index], prices[index]);
    }
}
