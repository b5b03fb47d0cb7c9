package io.regtrack.database;

import io.quarkus.runtime.ExecutionMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Datasource settings for the embedded PostgreSQL. The database starts on the first read of the
 * JDBC URL by the running application; building the application never starts it.
 */
final class EmbeddedDatabaseConfigSource implements ConfigSource {

    static final int ORDINAL = 150;
    private static final Set<String> NAMES =
            Set.of(EmbeddedDatabaseConfigFactory.URL, "quarkus.datasource.username", "quarkus.datasource.password");

    private final Path dataDir;
    private final int port;
    private volatile Map<String, String> values;

    EmbeddedDatabaseConfigSource(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public String getValue(String name) {
        if (!NAMES.contains(name) || ExecutionMode.current() == ExecutionMode.UNSET) {
            return null; // not a datasource setting, or the application is being built rather than run
        }
        if (values == null) {
            synchronized (this) {
                if (values == null) {
                    values = EmbeddedDatabase.start(dataDir, port);
                }
            }
        }
        return values.get(name);
    }

    @Override
    public String getName() {
        return "embedded PostgreSQL at " + dataDir;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
