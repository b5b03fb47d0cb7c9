package io.regtrack.embeddedpg;

import io.quarkus.runtime.ExecutionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Datasource settings for the embedded PostgreSQL. The database starts on the first read of the
 * JDBC URL by the running application; building the application never starts it. One server runs
 * per JVM: dev-mode restarts load application classes afresh, so its address is remembered in a
 * system property rather than a static field; the password is read from its file.
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    static final int ORDINAL = 150;
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSource.class);
    private static final String RUNNING_URL = "regtrack.embedded-db.running-url";
    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";
    private static final Set<String> NAMES = Set.of(EmbeddedPostgresConfigFactory.URL, USERNAME, PASSWORD);

    private final Path dataDir;
    private final int port;
    private volatile Map<String, String> values;

    EmbeddedPostgresConfigSource(Path dataDir, int port) {
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
            synchronized (EmbeddedPostgresConfigSource.class) {
                if (values == null) {
                    values = running();
                }
            }
        }
        return values.get(name);
    }

    private Map<String, String> running() {
        try {
            String url = System.getProperty(RUNNING_URL);
            if (url == null) {
                Supervisor server = Supervisor.start(dataDir, port);
                url = server.jdbcUrl();
                System.setProperty(RUNNING_URL, url);
                LOG.infof(
                        "Embedded PostgreSQL on 127.0.0.1:%d, data in %s, its log in %s. Set "
                                + "QUARKUS_DATASOURCE_JDBC_URL to use your own PostgreSQL instead.",
                        server.port(), server.data().path(), server.data().log());
            }
            return Map.of(
                    EmbeddedPostgresConfigFactory.URL,
                    url,
                    USERNAME,
                    DataDirectory.SUPERUSER,
                    PASSWORD,
                    DataDirectory.readPassword(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
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
