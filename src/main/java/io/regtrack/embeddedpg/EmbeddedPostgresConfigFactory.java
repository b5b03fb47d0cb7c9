package io.regtrack.embeddedpg;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When no database is configured, points the datasource at an embedded PostgreSQL that keeps its
 * data under the user's home. Any {@code quarkus.datasource.jdbc.url} (environment, system
 * property, application.properties) wins, and then nothing embedded is started.
 *
 * <ul>
 * <li>{@code regtrack.embedded-db.enabled} (default {@code true}) — set {@code false} to never
 * start one.</li>
 * <li>{@code regtrack.embedded-db.data-dir} (default {@code ~/.regtrack/postgres}) — where the
 * data lives.</li>
 * <li>{@code regtrack.embedded-db.port} (default {@code 0}: any free port).</li>
 * </ul>
 */
public class EmbeddedPostgresConfigFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL))
                || "false".equalsIgnoreCase(valueOf(context, "regtrack.embedded-db.enabled"))) {
            return List.of();
        }
        String dir = valueOf(context, "regtrack.embedded-db.data-dir");
        Path dataDir = dir == null
                ? Path.of(System.getProperty("user.home"), ".regtrack", "postgres")
                : Path.of(dir.replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
        String port = valueOf(context, "regtrack.embedded-db.port");
        return List.of(new EmbeddedPostgresConfigSource(dataDir, port == null ? 0 : Integer.parseInt(port)));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(EmbeddedPostgresConfigSource.ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue().trim() : null;
    }
}
