package com.miniwms.salesorders.history;

/**
 * One changed value: {@code field} is a path such as {@code wave}, {@code shipTo.city} or
 * {@code lines[2].quantityOrdered}; a whole line added or removed is {@code lines[2]} with the line as JSON.
 * A value that was or became empty is {@code null}.
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
