package com.miniwms.salesorders.channels;

import java.util.List;
import java.util.Optional;

/** Where channel connections live. Create requires absence, replace and delete the expected version. */
public interface ConnectionStore {

    Optional<ChannelConnection> find(String connectionId);

    /** All connections, by id. */
    List<ChannelConnection> list();

    /**
     * Stores the connection: new when {@code expectedVersion} is 0, else replacing that version.
     *
     * @throws ConnectionConflictException someone else wrote it first
     */
    void save(ChannelConnection connection, long expectedVersion);

    /** @throws ConnectionConflictException it changed or is gone */
    void delete(ChannelConnection connection);
}
