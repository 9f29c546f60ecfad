package com.miniwms.salesorders.domain;

/** One problem with one field, named by its JSON path (for example {@code lines[2].quantityOrdered}). */
public record FieldError(String field, String message) {
}
