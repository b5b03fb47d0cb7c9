package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.COMPOSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.regtrack.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose file is what Compose accepts ({@code docker-compose config}, no engine needed) with
 * the shipped .env.example, and it starts regtrack only on a healthy PostgreSQL 17 that keeps its
 * data in a named volume.
 */
class ComposeFileTest {

    static final Path FILE = COMPOSE.resolve("compose.yaml");
    static final Path ENV = COMPOSE.resolve(".env.example");

    record Result(int exit, String out) {}

    static Result config(Path file, Path env) throws Exception {
        Tools.require("docker-compose");
        Process compose = new ProcessBuilder(
                        "docker-compose",
                        "--env-file",
                        env.toAbsolutePath().toString(),
                        "-f",
                        file.toString(),
                        "config")
                .redirectErrorStream(true)
                .start();
        String out = new String(compose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compose.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(compose.exitValue(), out);
    }

    @Test
    void composeAcceptsTheFileAndStartsRegtrackOnAHealthyDatabase() throws Exception {
        Result result = config(FILE, ENV);
        assertThat(result.exit()).as(result.out()).isZero();
        JsonNode config = Manifests.YAML.readTree(result.out());
        JsonNode db = config.path("services").path("db");
        JsonNode app = config.path("services").path("regtrack");

        assertThat(db.path("image").asText()).isEqualTo("postgres:17");
        assertThat(db.path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(db.path("volumes").get(0).asText()).startsWith("pgdata:/var/lib/postgresql/data");
        assertThat(config.path("volumes").has("pgdata")).as("a named volume").isTrue();

        assertThat(app.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(app.path("healthcheck").path("test").toString()).contains("/q/health/ready");
        assertThat(app.path("read_only").asBoolean()).isTrue();
        assertThat(app.path("tmpfs").toString()).contains("/tmp");

        // regtrack reaches the compose database, as the user and with the password it was created with.
        JsonNode env = app.path("environment");
        assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://db:5432/"
                        + db.path("environment").path("POSTGRES_DB").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_PASSWORD").asText())
                .isEqualTo(dotEnv().getProperty("POSTGRES_PASSWORD"));
        assertThat(env.path("REGTRACK_AUTH_ADMIN_TOKEN").asText())
                .isEqualTo(dotEnv().getProperty("REGTRACK_ADMIN_TOKEN"))
                .hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void everyVariableTheFileReadsIsInTheExampleAndBack() throws Exception {
        Set<String> read = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(FILE));
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).contains("POSTGRES_PASSWORD", "REGTRACK_ADMIN_TOKEN");
        assertThat(dotEnv().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(read);
        assertThat(Files.readString(Path.of(".gitignore"))).contains("deploy/compose/.env");
    }

    @Test
    void withoutItsSecretsComposeRefusesToStart(@TempDir Path tmp) throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.env"), "");
        Result result = config(FILE, empty);
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("set POSTGRES_PASSWORD in .env");
    }

    @Test
    void composeRefusesAMistake(@TempDir Path tmp) throws Exception {
        String good = Files.readString(FILE);
        for (String bad : List.of(
                good.replace("condition: service_healthy", "condition: service_healthly"),
                good.replace(
                        "    healthcheck:\n      test: [\"CMD-SHELL\"",
                        "    helthcheck:\n      test: [\"CMD-SHELL\""))) {
            assertThat(bad).isNotEqualTo(good);
            Path file = Files.writeString(tmp.resolve("compose.yaml"), bad);
            Result result = config(file, ENV);
            assertThat(result.exit()).as(result.out()).isNotZero();
        }
    }

    static Properties dotEnv() throws Exception {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(ENV)) {
            env.load(in);
        }
        return env;
    }
}
