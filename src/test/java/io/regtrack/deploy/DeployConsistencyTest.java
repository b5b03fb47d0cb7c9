package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.BASE;
import static io.regtrack.deploy.Manifests.OVERLAY;
import static io.regtrack.deploy.Manifests.base;
import static io.regtrack.deploy.Manifests.docs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/**
 * The names that tie the manifests together agree: the database the Deployment reaches is the
 * pooler of the cluster whose generated secret it reads; labels select the pods; one image name
 * and tag everywhere; and the pooler's mode is one the service's use of PostgreSQL allows.
 */
class DeployConsistencyTest {

    static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)");
    /** The keys CloudNativePG writes into a cluster's "-app" secret. */
    static final Set<String> APP_SECRET_KEYS =
            Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

    static JsonNode pod() {
        return base("Deployment").path("spec").path("template");
    }

    static JsonNode container() {
        return pod().path("spec").path("containers").get(0);
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    @Test
    void theServiceReachesThePoolerOfItsClusterWithTheOperatorsSecret() {
        JsonNode cluster = base("Cluster");
        JsonNode pooler = base("Pooler");
        String clusterName = cluster.path("metadata").path("name").asText();
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(cluster.path("spec").path("imageName").asText()).contains("postgresql:17");
        assertThat(pooler.path("spec").path("cluster").path("name").asText()).isEqualTo(clusterName);
        assertThat(pooler.path("spec").path("type").asText()).isEqualTo("rw");

        Map<String, JsonNode> env = env(container());
        Matcher url = JDBC.matcher(
                env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText());
        assertThat(url.matches()).isTrue();
        assertThat(url.group(1))
                .as("the pooler's service")
                .isEqualTo(pooler.path("metadata").path("name").asText());
        assertThat(url.group(2)).isEqualTo("5432");
        assertThat(url.group(3))
                .isEqualTo(cluster.path("spec")
                        .path("bootstrap")
                        .path("initdb")
                        .path("database")
                        .asText());

        for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode ref = env.get(var).path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).as(var).isEqualTo(clusterName + "-app");
            assertThat(APP_SECRET_KEYS).as(var).contains(ref.path("key").asText());
        }
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("key")
                        .asText())
                .isEqualTo("username");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("key")
                        .asText())
                .isEqualTo("password");
        assertThat(env.get("REGTRACK_AUTH_ADMIN_TOKEN")
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asText())
                .isNotBlank();
    }

    @Test
    void backupsGoThroughTheClustersPluginToItsObjectStore() {
        JsonNode cluster = base("Cluster");
        String clusterName = cluster.path("metadata").path("name").asText();
        JsonNode plugin = cluster.path("spec").path("plugins").get(0);
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        assertThat(plugin.path("parameters").path("barmanObjectName").asText())
                .isEqualTo(base("ObjectStore").path("metadata").path("name").asText());
        JsonNode backup = base("ScheduledBackup").path("spec");
        assertThat(backup.path("cluster").path("name").asText()).isEqualTo(clusterName);
        assertThat(backup.path("method").asText()).isEqualTo("plugin");
        assertThat(backup.path("pluginConfiguration").path("name").asText())
                .isEqualTo(plugin.path("name").asText());
        assertThat(backup.path("schedule").asText().split(" "))
                .as("seconds first")
                .hasSize(6);
    }

    @Test
    void labelsSelectTheServicesPodsAndTheAutoscalerScalesTheDeployment() {
        JsonNode deployment = base("Deployment");
        JsonNode podLabels = pod().path("metadata").path("labels");
        assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels);
        assertThat(base("Service").path("spec").path("selector")).isEqualTo(podLabels);
        assertThat(base("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"))
                .isEqualTo(podLabels);

        JsonNode hpa = base("HorizontalPodAutoscaler").path("spec");
        assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("name").asText())
                .isEqualTo(deployment.path("metadata").path("name").asText());
        assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.path("spec").path("replicas").asInt())
                .isEqualTo(hpa.path("minReplicas").asInt());
        assertThat(base("PodDisruptionBudget").path("spec").path("minAvailable").asInt())
                .isBetween(1, hpa.path("minReplicas").asInt() - 1);
        assertThat(pod().path("spec")
                        .path("containers")
                        .get(0)
                        .path("resources")
                        .path("requests")
                        .has("cpu"))
                .as("CPU utilisation needs a CPU request")
                .isTrue();
    }

    @Test
    void thePodRunsLockedDown() {
        JsonNode spec = pod().path("spec");
        assertThat(spec.path("securityContext").path("runAsNonRoot").asBoolean())
                .isTrue();
        JsonNode container = container();
        assertThat(container
                        .path("securityContext")
                        .path("readOnlyRootFilesystem")
                        .asBoolean())
                .isTrue();
        assertThat(container
                        .path("securityContext")
                        .path("allowPrivilegeEscalation")
                        .asBoolean())
                .isFalse();
        assertThat(container
                        .path("securityContext")
                        .path("capabilities")
                        .path("drop")
                        .toString())
                .contains("ALL");
        String tmp = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmp = mount.path("name").asText();
            }
        }
        assertThat(tmp).as("/tmp is mounted").isNotNull();
        String tmpVolume = tmp;
        assertThat(spec.path("volumes"))
                .anySatisfy(v -> assertThat(v.path("name").asText()).isEqualTo(tmpVolume))
                .allSatisfy(v -> assertThat(v.has("emptyDir")).isTrue());
        assertThat(container.path("resources").path("limits").has("memory")).isTrue();
    }

    @Test
    void theAddressPeopleUseIsTheIngressHost() {
        String base =
                env(container()).get("REGTRACK_SERVER_PUBLIC_URL").path("value").asText();
        assertThat(URI.create(base).getHost())
                .isEqualTo(base("Ingress")
                        .path("spec")
                        .path("rules")
                        .get(0)
                        .path("host")
                        .asText());
        JsonNode patched = docs(OVERLAY.resolve("deployment-patch.yaml")).get(0).node();
        String example = env(patched.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0))
                .get("REGTRACK_SERVER_PUBLIC_URL")
                .path("value")
                .asText();
        JsonNode ingress =
                docs(OVERLAY.resolve("ingress-patch.yaml")).get(0).node().path("spec");
        assertThat(URI.create(example).getHost())
                .isEqualTo(ingress.path("rules").get(0).path("host").asText())
                .isEqualTo(ingress.path("tls").get(0).path("hosts").get(0).asText());
    }

    @Test
    void oneImageNameAndTagEverywhere() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>regtrack</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        String tag = version.group(1).replace("-SNAPSHOT", "");
        String name = container().path("image").asText();
        JsonNode image = Manifests.kustomization(BASE).path("images").get(0);
        assertThat(image.path("name").asText()).isEqualTo(name);
        assertThat(image.path("newTag").asText()).isEqualTo(tag);
        String reference = name + ":" + tag;

        assertThat(Files.readString(Manifests.COMPOSE.resolve("compose.yaml")))
                .contains("${REGTRACK_IMAGE:-" + reference + "}");
        assertThat(ComposeFileTest.dotEnv().getProperty("REGTRACK_IMAGE")).isEqualTo(reference);
        for (Path doc : List.of(Manifests.DOCKERFILE, Path.of("deploy", "README.md"))) {
            List<String> built = new ArrayList<>();
            Matcher m = Pattern.compile("docker build [^\\n]*-t (\\S+)").matcher(Files.readString(doc));
            while (m.find()) {
                built.add(m.group(1));
            }
            assertThat(built).as(doc + " builds the image as").isNotEmpty().containsOnly(reference);
        }
    }

    /**
     * PgBouncer's transaction mode hands a server connection to another client after each
     * transaction: anything that outlives a transaction on a connection would leak or be lost.
     */
    @Test
    void theServiceKeepsNoSessionStateSoTheTransactionPoolerIsSafe() throws IOException {
        JsonNode pgbouncer = base("Pooler").path("spec").path("pgbouncer");
        assertThat(pgbouncer.path("poolMode").asText()).isEqualTo("transaction");
        assertThat(Integer.parseInt(pgbouncer
                        .path("parameters")
                        .path("max_prepared_statements")
                        .asText()))
                .as("the JDBC driver's prepared statements are carried across server connections")
                .isPositive();

        Pattern sessionState = Pattern.compile(
                "pg_(try_)?advisory_lock(_shared)?\\s*\\(|\\bLISTEN\\s|\\bCREATE\\s+(TEMP|TEMPORARY)\\b"
                        + "|\\bSET\\s+(SESSION\\s+)?(search_path|role|statement_timeout|lock_timeout)\\b"
                        + "|set_config\\s*\\([^)]*false\\s*\\)|\\bPREPARE\\s+\\w+\\s+AS\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("src", "main", "resources", "db"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = sessionState.matcher(Files.readString(file));
                    while (m.find()) {
                        found.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("session state in the service").isEmpty();
        // The service's own locks are transaction-scoped.
        assertThat(Files.readString(Path.of("src/main/java/io/regtrack/auth/AdminBootstrap.java")))
                .contains("pg_advisory_xact_lock");
        // Flyway's migration lock is a transaction lock unless configured otherwise, and it is not.
        assertThat(new PostgreSQLConfigurationExtension().isTransactionalLock()).isTrue();
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .doesNotContainIgnoringCase("transactional.lock")
                .doesNotContainIgnoringCase("transactional-lock");
    }

    @Test
    void theSessionStateScanFindsASessionLock() {
        Pattern lock = Pattern.compile("pg_(try_)?advisory_lock(_shared)?\\s*\\(", Pattern.CASE_INSENSITIVE);
        assertThat(lock.matcher("select pg_try_advisory_lock(42)").find()).isTrue();
        assertThat(lock.matcher("select pg_advisory_xact_lock(42)").find()).isFalse();
    }
}
