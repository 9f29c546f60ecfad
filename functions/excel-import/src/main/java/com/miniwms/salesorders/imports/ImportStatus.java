package com.miniwms.salesorders.imports;

/** Where an import is. SUCCEEDED, PARTIALLY_SUCCEEDED and FAILED are final. */
public enum ImportStatus {
    PENDING, PROCESSING, SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == PARTIALLY_SUCCEEDED || this == FAILED;
    }
}
