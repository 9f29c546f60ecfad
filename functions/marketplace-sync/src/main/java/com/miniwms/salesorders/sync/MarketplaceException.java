package com.miniwms.salesorders.sync;

/**
 * A marketplace call that failed for good (after retries, or at once when retrying cannot help). The message is
 * safe to store and show: it never carries a credential.
 */
public class MarketplaceException extends RuntimeException {
    private final boolean credentialsRejected;

    public MarketplaceException(String message) {
        this(message, false, null);
    }

    public MarketplaceException(String message, boolean credentialsRejected, Throwable cause) {
        super(message, cause);
        this.credentialsRejected = credentialsRejected;
    }

    /** The marketplace refused the credentials (for example an expired token): a person has to act. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }
}
