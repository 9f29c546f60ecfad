package com.miniwms.salesorders.sync;

import java.time.Instant;

/** Reads one connection's orders from its marketplace, a page at a time. */
public interface MarketplaceClient {

    /** The newest update time a run started at {@code now} may ask for (Amazon: two minutes before now). */
    default Instant upperBound(Instant now) {
        return now;
    }

    /**
     * One page of the orders updated within the window; {@code cursor} is {@code null} for the first page, else
     * the {@link ChannelPage#nextCursor()} of the page before.
     *
     * @throws MarketplaceException when the page could not be read within the retry budget
     */
    ChannelPage fetch(FetchWindow window, String cursor);
}
