package com.miniwms.salesorders.imports;

/** Tells the rest of the warehouse system that an import finished. */
public interface ImportNotifier {

    /**
     * Announces the outcome of a finished import. May be called again for the same import (a re-delivered upload
     * notification); the announcement carries the same id each time.
     */
    void completed(ImportRecord record);

    /** For runs that tell nobody (tests, tools). */
    ImportNotifier NONE = record -> {
    };
}
