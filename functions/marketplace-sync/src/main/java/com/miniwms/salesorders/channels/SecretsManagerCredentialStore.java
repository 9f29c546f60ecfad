package com.miniwms.salesorders.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.Map;
import java.util.Optional;

/**
 * One Secrets Manager secret per connection, named {@code <prefix>/channels/<connectionId>}, holding the credentials
 * as a JSON object. Failures are reported without the secret's value.
 */
public final class SecretsManagerCredentialStore implements CredentialStore {
    private final SecretsManagerClient secrets;
    private final String prefix;

    public SecretsManagerCredentialStore(SecretsManagerClient secrets, String prefix) {
        this.secrets = secrets;
        this.prefix = prefix;
    }

    String secretName(String connectionId) {
        return prefix + "/channels/" + connectionId;
    }

    @Override
    public void put(String connectionId, Map<String, String> credentials) {
        String value;
        try {
            value = Json.MAPPER.writeValueAsString(credentials);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credentials cannot be written");
        }
        String name = secretName(connectionId);
        try {
            secrets.createSecret(b -> b.name(name).secretString(value)
                    .description("Marketplace credentials of channel connection " + connectionId));
        } catch (ResourceExistsException e) {
            secrets.putSecretValue(b -> b.secretId(name).secretString(value));
        }
    }

    @Override
    public Optional<Map<String, String>> get(String connectionId) {
        try {
            String value = secrets.getSecretValue(b -> b.secretId(secretName(connectionId))).secretString();
            return Optional.of(Json.MAPPER.readValue(value, new TypeReference<Map<String, String>>() { }));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the credentials of " + connectionId + " are not a JSON object");
        }
    }

    @Override
    public void delete(String connectionId) {
        try {
            // No recovery window: a connection created again under the same id gets a fresh secret at once.
            secrets.deleteSecret(b -> b.secretId(secretName(connectionId)).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }
}
