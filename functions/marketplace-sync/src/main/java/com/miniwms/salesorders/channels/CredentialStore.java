package com.miniwms.salesorders.channels;

import java.util.Map;
import java.util.Optional;

/** Where a connection's credentials are kept (one secret per connection). Values never leave except to a client. */
public interface CredentialStore {

    void put(String connectionId, Map<String, String> credentials);

    Optional<Map<String, String>> get(String connectionId);

    void delete(String connectionId);
}
