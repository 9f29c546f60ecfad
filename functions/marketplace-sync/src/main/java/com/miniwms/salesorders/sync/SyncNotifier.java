package com.miniwms.salesorders.sync;

/** Tells the rest of the warehouse system how a sync run ended. */
public interface SyncNotifier {

    /**
     * Announces a finished run, once its history entry is saved and its lease given up. Does not throw: what
     * becomes of an announcement that cannot be made is the notifier's to decide.
     */
    void finished(FinishedSync sync);

    /** For runs that tell nobody (tests, tools). */
    SyncNotifier NONE = sync -> {
    };
}
