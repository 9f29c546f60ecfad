package com.miniwms.salesorders.imports;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An unmodifiable list of row numbers backed by an int array: a boxed Integer per line row costs far more memory. */
final class RowList extends AbstractList<Integer> implements RandomAccess {
    private final int[] rows;

    private RowList(int[] rows) {
        this.rows = rows;
    }

    /** The rows as a list; the array must not change afterwards. */
    static List<Integer> of(int[] rows) {
        return rows.length == 0 ? List.of() : new RowList(rows);
    }

    @Override
    public Integer get(int index) {
        return rows[index];
    }

    @Override
    public int size() {
        return rows.length;
    }
}
