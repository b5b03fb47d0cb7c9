package io.regtrack.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as an operator runs it: its
 * own JVM, its home in a directory of the test, and so its own embedded PostgreSQL. It can be
 * killed like any process, and started again on the same home.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path home;
    private final int port;
    private final List<String> options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;
    private int starts;

    public ServiceProcess(Path home, String... options) throws IOException {
        this.home = home;
        this.port = freePort();
        this.options = List.of(options);
    }

    /** An environment variable for the service's next starts, as a container or a service manager sets it. */
    public ServiceProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the service and waits until it is ready; fails if it exits first. */
    public ServiceProcess start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package the application first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Duser.home=" + home);
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(options);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The service exited at start " + starts + " (exit " + process.exitValue() + "):\n" + logText());
            }
            if (get("/q/health/ready").map(r -> r.statusCode() == 200).orElse(false)) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service was not ready within 120 s:\n" + logText());
    }

    public int starts() {
        return starts;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path home() {
        return home.resolve(".regtrack");
    }

    public Path log() {
        return home.resolve("service.log");
    }

    public String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    public String adminToken() throws IOException {
        return Files.readString(home().resolve("admin-token")).trim();
    }

    public long pid() {
        return process.pid();
    }

    /** The embedded PostgreSQL's postmaster, as its data directory names it. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(home().resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
    }

    /** The embedded PostgreSQL as a data source: the port from its {@code postmaster.pid}, the password beside it. */
    public javax.sql.DataSource database() throws IOException {
        List<String> pid = Files.readAllLines(home().resolve("postgres/postmaster.pid"));
        org.postgresql.ds.PGSimpleDataSource db = new org.postgresql.ds.PGSimpleDataSource();
        db.setServerNames(new String[] {"127.0.0.1"});
        db.setPortNumbers(new int[] {Integer.parseInt(pid.get(3).trim())});
        db.setDatabaseName("regtrack");
        db.setUser("postgres");
        db.setPassword(
                Files.readString(home().resolve("postgres/regtrack.password")).trim());
        return db;
    }

    /** Postmasters running on this service's data directory. */
    public List<ProcessHandle> postmasters() {
        String dataDir = home().resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("/bin/postgres -D " + dataDir + " "))
                        .orElse(false))
                .toList();
    }

    public Optional<HttpResponse<String>> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    public Optional<HttpResponse<String>> send(HttpRequest request) {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code kill -9} of the service's JVM: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; waits for the JVM to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Stops the service, and keeps its log in {@code target/service-logs} for whoever reads a failure. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        postmasters().forEach(ProcessHandle::destroyForcibly); // never leave a server behind a failed test
        if (Files.exists(log())) {
            Path kept = Path.of("target", "service-logs");
            Files.createDirectories(kept);
            Files.copy(
                    log(), kept.resolve("service-" + port + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A process's title as {@code ps} shows it (PostgreSQL rewrites its backends' titles). */
    public static String title(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends a signal by name ({@code KILL}, {@code STOP}, {@code CONT}) to processes. */
    public static void signal(String signal, long... pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        for (long pid : pids) {
            command.add(Long.toString(pid));
        }
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
