package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.serde.RegistrySerdeConfig;
import io.churnwatch.serde.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;

/** The schema registry client of a churnwatch configuration, shared by every serde of the process. */
public final class Registries {

    private Registries() {
    }

    /**
     * One client (with its caches and HTTP connection pool) for all serdes: the configuration's
     * {@code schema.registry.*}, {@code basic.auth.*} and {@code auto.register.schemas} keys, with the
     * registry URL as resolved by {@link ChurnConfig} (its default included).
     */
    public static SchemaRegistryClient client(final ChurnConfig config) {
        return new RegistrySerdeConfig(serdeSettings(config)).createClient();
    }

    public static Map<String, Object> serdeSettings(final ChurnConfig config) {
        final Map<String, Object> settings = new HashMap<>(config.originals());
        settings.put(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
        return settings;
    }
}
