import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The speed figures of a packaged regtrack in one command: ingest under concurrent clients, the
 * same rows through raw COPY, a long series read, start-up on existing data and resident memory.
 *
 * <pre>
 *   ./mvnw package -DskipTests
 *   java bench/Load.java                       # all figures, a table at the end
 *   java bench/Load.java --runs 2000 --builds 1 --jvm "-Xmx256m" --jfr /tmp/ingest.jfr
 * </pre>
 *
 * It starts the jar itself on its own embedded PostgreSQL under {@code --home} (default
 * {@code ~/.regtrack-bench}; data kept between invocations, so later starts are "on existing
 * data"), on free ports, and stops it at the end. Options: {@code --app} (default
 * {@code target/quarkus-app}), {@code --clients 16}, {@code --runs 5000} timed uploads after
 * {@code --warmup 1000}, {@code --builds 16} (targets the clients post for; 1 puts every client
 * on one series set, serialised by its alert lock), {@code --points 100000} (series length),
 * {@code --restarts 3}, {@code --only ingest,copy,series,start}, {@code --jvm "<options>"}, {@code --jfr <file>} (records the timed
 * ingest), {@code --fresh} (delete the data first), {@code --statements [N]} (PostgreSQL's N costliest statements of the timed ingest, per upload),
 * {@code --archive} (the starts again with a class archive written by a training start), {@code --out <file>} (the table, appended).
 */
public class Load {

    static final int SIZES = 10;
    static final int RUNTIMES = 10;
    static final int SAMPLES = 10;
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Map<String, String> opts;
    final Path app;
    final Path home;
    final List<String[]> figures = new ArrayList<>();
    Process service;
    String url;
    int pgPort;

    Load(Map<String, String> opts) {
        this.opts = opts;
        this.app = Path.of(opts.getOrDefault("app", "target/quarkus-app")).toAbsolutePath();
        this.home = Path.of(opts.getOrDefault("home", System.getProperty("user.home") + "/.regtrack-bench"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--") && !key.equals("jvm");
            opts.put(key, flag ? "true" : args[++i]);
        }
        new Load(opts).run();
    }

    /** {@code --only ingest,copy,series,start} runs only those parts (copy needs ingest). */
    boolean phase(String name) {
        return !opts.containsKey("only") || Arrays.asList(opts.get("only").split(",")).contains(name);
    }

    int num(String key, int fallback) {
        return Integer.parseInt(opts.getOrDefault(key, Integer.toString(fallback)));
    }

    void run() throws Exception {
        if (opts.containsKey("fresh")) {
            try (Stream<Path> walk = Files.exists(home) ? Files.walk(home) : Stream.empty()) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        pgPort = freePort();
        try {
            double[] first = start();
            say("first start (this data directory): Quarkus %.2f s, ready after %.2f s", first[0], first[1]);
            Path conf = home.resolve("postgres/postgresql.conf");
            if (opts.containsKey("statements") && !Files.readString(conf).contains("pg_stat_statements")) {
                Files.writeString(conf, "\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n",
                        java.nio.file.StandardOpenOption.APPEND);
                stop(); // the library is loaded at the database's start
                start();
            }
            String admin = Files.readString(home.resolve("admin-token")).trim();
            if (phase("ingest")) {
                ingest(admin);
            }
            if (phase("copy")) {
                copy();
            }
            if (phase("series")) {
                series();
            }
            if (phase("start")) {
                restarts();
            }
        } finally {
            stop();
        }
        StringBuilder table = new StringBuilder("\n| figure | value | load average (1/5/15 min) |\n|---|--:|---|\n");
        figures.forEach(f -> table.append("| ").append(String.join(" | ", f)).append(" |\n"));
        table.append("\n").append(machine()).append("\n");
        System.out.print(table);
        if (opts.containsKey("out")) {
            Files.writeString(
                    Path.of(opts.get("out")),
                    table.toString(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    // --- ingest -------------------------------------------------------------------------------

    void ingest(String admin) throws Exception {
        String slug = "load-" + Long.toString(System.currentTimeMillis(), 36);
        send("POST", "/api/v1/projects", admin, "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}", 201);
        String token = field(
                send("POST", "/api/v1/projects/" + slug + "/tokens", admin, "{\"name\":\"load\",\"scope\":\"ingest\"}", 201),
                "token");
        int clients = num("clients", 16);
        int builds = num("builds", 16);
        String path = "/api/v1/projects/" + slug + "/runs";
        for (int b = 0; b < builds; b++) { // the release: one run per build of the tagged commit
            send("POST", path, token, upload(0, b, "v1.0.0", new Random(b)), 201);
        }
        int warmup = num("warmup", 1000);
        int runs = num("runs", 5000);
        List<String> bodies = new ArrayList<>();
        Random random = new Random(42);
        for (int n = 1; n <= warmup + runs; n++) {
            bodies.add(upload(n, n % builds, null, random));
        }
        Phase warm = phase(bodies.subList(0, warmup), clients, path, token);
        say("warm-up: %d runs, %.0f runs/s", warmup, warm.perSecond());
        if (opts.containsKey("jfr")) {
            jcmd("JFR.start", "name=load", "settings=profile", "filename=" + opts.get("jfr"));
        }
        if (opts.containsKey("statements")) {
            sql("create extension if not exists pg_stat_statements", "select pg_stat_statements_reset()");
        }
        String load = loadAverage();
        long[] cpu0 = cpu();
        Phase timed = phase(bodies.subList(warmup, warmup + runs), clients, path, token);
        long[] cpu1 = cpu();
        if (opts.containsKey("jfr")) {
            jcmd("JFR.stop", "name=load");
        }
        if (opts.containsKey("statements")) {
            statements(runs);
        }
        String what = String.format(
                "ingest, %d clients, %d builds, %d runs of %d measurements", clients, builds, runs, SIZES + RUNTIMES);
        figure(what + ": runs/s", String.format("%.0f", timed.perSecond()), load);
        figure(what + ": p50 / p99 / max ms", String.format("%.1f / %.1f / %.1f", timed.p(50), timed.p(99), timed.p(100)), load);
        figure(what + ": measurement rows/s", String.format("%.0f", timed.perSecond() * (SIZES + RUNTIMES)), load);
        figure(what + ": CPU ms per upload, service / its PostgreSQL",
                String.format("%.2f / %.2f", (cpu1[0] - cpu0[0]) / (double) runs, (cpu1[1] - cpu0[1]) / (double) runs), load);
        figure("resident memory of the service after the ingest (VmRSS)", rss() + " MB", loadAverage());
        ingestedRowsPerSecond = timed.perSecond() * (SIZES + RUNTIMES);
        ingestedRows = runs * (SIZES + RUNTIMES);
    }

    void sql(String... statements) throws Exception {
        try (Connection db = database(); Statement s = db.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** PostgreSQL's time per upload by statement over the timed uploads (needs pg_stat_statements). */
    void statements(int runs) throws Exception {
        try (Connection db = database();
                Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')"
                        + " from pg_stat_statements order by total_exec_time desc limit " + num("statements", 25))) {
            System.out.println("| ms per upload | calls per upload | rows per call | statement |\n|--:|--:|--:|---|");
            while (r.next()) {
                String query = r.getString(4);
                System.out.printf(Locale.ROOT, "| %.3f | %.2f | %.1f | `%s` |%n", r.getDouble(2) / runs, r.getLong(1) / (double) runs,
                        r.getLong(3) / Math.max(1.0, r.getLong(1)), query.length() > 160 ? query.substring(0, 160) + "…" : query);
            }
        }
    }

    double ingestedRowsPerSecond;
    int ingestedRows;

    record Phase(double seconds, double[] millis) {
        double perSecond() {
            return millis.length / seconds;
        }

        double p(int percent) {
            int i = (int) Math.ceil(percent / 100.0 * millis.length) - 1;
            return millis[Math.max(0, Math.min(millis.length - 1, i))];
        }
    }

    Phase phase(List<String> bodies, int clients, String path, String token) throws Exception {
        AtomicInteger next = new AtomicInteger();
        double[] millis = new double[bodies.size()];
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = HTTP.send(
                                request("POST", path, token, bodies.get(i)), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " uploads failed, first: " + failures.get(0));
        }
        Arrays.sort(millis);
        return new Phase(seconds, millis);
    }

    /** Run n of build b: 10 sizes and 10 runtimes of 10 samples, sizes steady, runtimes noisy. */
    static String upload(int n, int build, String tag, Random random) {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < SIZES; i++) {
            m.append(m.length() == 0 ? "" : ",")
                    .append("{\"kind\":\"size\",\"name\":\"bin-")
                    .append(i)
                    .append("\",\"unit\":\"bytes\",\"value\":")
                    .append(1_000_000 + i * 1000 + random.nextInt(100))
                    .append('}');
        }
        for (int i = 0; i < RUNTIMES; i++) {
            m.append(",{\"kind\":\"runtime\",\"name\":\"bench-").append(i).append("\",\"unit\":\"seconds\",\"samples\":[");
            for (int s = 0; s < SAMPLES; s++) {
                m.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", 0.01 * (1 + i) * (1 + random.nextGaussian() * 0.01)));
            }
            m.append("]}");
        }
        String target = build == 0 ? "x86_64-unknown-linux-gnu" : "x86_64-bench-" + build;
        return "{\"commit\":\"" + String.format("%040x", 0xbe000000L + n) + "\",\"branch\":\"main\","
                + (tag == null ? "" : "\"tag\":\"" + tag + "\",")
                + "\"committedAt\":\"" + Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * n) + "\","
                + "\"idempotencyKey\":\"load-" + n + "-" + build + "\","
                + "\"toolchain\":{\"rustc\":\"1.95.0\",\"target\":\"" + target + "\"},"
                + "\"runner\":{\"os\":\"ubuntu-24.04\",\"arch\":\"x86_64\"},"
                + "\"profile\":{\"name\":\"release\",\"settings\":{\"opt-level\":\"3\",\"lto\":\"fat\"}},"
                + "\"measurements\":[" + m + "]}";
    }

    // --- raw COPY -------------------------------------------------------------------------------

    void copy() throws Exception {
        try (Connection db = database(); Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_copy");
            s.execute("create table bench_copy (like measurements including all)");
            StringBuilder rows = new StringBuilder();
            Random random = new Random(7);
            for (int i = 0; i < ingestedRows; i++) {
                boolean size = i % 20 < 10;
                rows.append(i).append('\t').append(i / 20).append("\t1\tmain\t2026-01-01 00:00:00+00\t")
                        .append(size ? "size" : "runtime").append("\tm-").append(i % 20).append('\t')
                        .append(size ? "bytes" : "seconds").append('\t');
                if (size) {
                    rows.append(1_000_000 + random.nextInt(100)).append("\t\\N\t1000000\t\\N");
                } else {
                    rows.append("\\N\t{");
                    for (int k = 0; k < SAMPLES; k++) {
                        rows.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", 0.01 + random.nextGaussian() * 1e-4));
                    }
                    rows.append("}\t0.01\t\\N");
                }
                rows.append("\trelease\tx86_64-unknown-linux-gnu\t0123456789abcdef0123456789abcdef\n");
            }
            Class<?> pg = Class.forName("org.postgresql.PGConnection", true, driverLoader);
            Object copier = pg.getMethod("getCopyAPI").invoke(db.unwrap(pg));
            String columns = "id, run_id, project_id, branch, committed_at, kind, name, unit, value, samples, center, parts,"
                    + " profile_name, target, environment_hash";
            String load = loadAverage();
            long t0 = System.nanoTime();
            Object copied = copier.getClass()
                    .getMethod("copyIn", String.class, java.io.Reader.class)
                    .invoke(copier, "copy bench_copy (" + columns + ") from stdin", new java.io.StringReader(rows.toString()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("drop table bench_copy");
            double perSecond = ((Number) copied).longValue() / seconds;
            figure(String.format("raw COPY of %,d measurement rows (one statement, same indexes)", ingestedRows),
                    String.format("%.0f rows/s", perSecond), load);
            figure("ingest rows/s as a share of raw COPY", String.format("%.1f %%", 100 * ingestedRowsPerSecond / perSecond), load);
        }
    }

    // --- series read ----------------------------------------------------------------------------

    void series() throws Exception {
        int points = num("points", 100_000);
        String slug = points == 100_000 ? "bench-history" : "bench-history-" + points;
        try (Connection db = database(); Statement s = db.createStatement()) {
            ResultSet exists = s.executeQuery("select id from projects where slug = '" + slug + "'");
            if (!exists.next()) {
                say("seeding %s with %,d points (once per data directory)", slug, points);
                String sql = Files.readString(Path.of("bench/seed-series.sql"))
                        .replace(":runs", Integer.toString(points))
                        .replace("'bench-history'", "'" + slug + "'");
                db.setAutoCommit(false); // the seed's scratch table lives until its commit
                for (String statement : sql.replaceAll("(?m)^(--|\\\\).*$", "").split(";\\s*\n")) {
                    String st = statement.strip();
                    if (!st.isEmpty() && !st.matches("(?i)(begin|commit|vacuum analyze);?")) {
                        s.execute(st);
                    }
                }
                db.commit();
                db.setAutoCommit(true);
                s.execute("vacuum analyze");
            }
            String load = loadAverage();
            String api = "/api/v1/projects/" + slug + "/series?kind=size&name=app";
            double[] http = timed(20, 3, () -> send("GET", api, null, null, 200));
            figure(String.format("series read, %,d points -> chart: p50 / min ms", points),
                    String.format("%.0f / %.0f", median(http), http[0]), load);
            // Named to its build, a series is read from its sealed blocks (the first read seals them).
            String named = api + "&profile=release&target=x86_64-unknown-linux-gnu";
            send("GET", named, null, null, 200);
            double[] blocks = timed(20, 3, () -> send("GET", named, null, null, 200));
            figure(String.format("series read from blocks, %,d points -> chart: p50 / min ms", points),
                    String.format("%.0f / %.0f", median(blocks), blocks[0]), load);
            String charts = "/api/v1/projects/" + slug + "/charts";
            send("GET", charts, null, null, 200);
            double[] page = timed(20, 3, () -> send("GET", charts, null, null, 200));
            figure(String.format("charts page (both series of %,d points): p50 / min ms", points),
                    String.format("%.0f / %.0f", median(page), page[0]), load);
            String raw = "select m.committed_at, m.center, m.run_id, m.environment_hash from measurements m join projects p"
                    + " on p.id = m.project_id where p.slug = '" + slug + "' and m.branch = 'main' and m.kind = 'size'"
                    + " and m.name = 'app' order by m.committed_at, m.id";
            double[] fetch = timed(20, 3, () -> {
                try (ResultSet rs = s.executeQuery(raw)) {
                    while (rs.next()) {
                        rs.getObject(1);
                        rs.getDouble(2);
                    }
                }
                return null;
            });
            figure(String.format("raw SQL fetch of the same %,d rows: p50 ms", points), String.format("%.0f", median(fetch)), load);
        }
        figure("resident memory of the service after ingest and series reads (VmRSS)", rss() + " MB", loadAverage());
    }

    interface Step {
        Object run() throws Exception;
    }

    static double[] timed(int runs, int warmup, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            step.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    // --- start-up -----------------------------------------------------------------------------

    void restarts() throws Exception {
        int n = num("restarts", 3);
        double[] quarkus = new double[n];
        double[] ready = new double[n];
        String load = loadAverage();
        for (int i = 0; i < n; i++) {
            stop();
            double[] t = start();
            quarkus[i] = t[0];
            ready[i] = t[1];
            say("start on existing data: Quarkus %.2f s, ready after %.2f s", t[0], t[1]);
        }
        Arrays.sort(quarkus);
        Arrays.sort(ready);
        figure("start on existing data: Quarkus' 'started in', median s", String.format("%.2f", median(quarkus)), load);
        figure("start on existing data: launch to /q/health/ready UP, median s", String.format("%.2f", median(ready)), load);
        figure("resident memory right after a start (VmRSS)", rss() + " MB", loadAverage());
        if (!opts.containsKey("archive")) {
            return;
        }
        // The same with a class archive written by one training start (README, "Start faster";
        // the archive holds the application's classes only in the aot-jar packaging).
        Path archive = home.resolve("regtrack.jsa");
        Files.deleteIfExists(archive);
        stop();
        extraJvm = List.of("-XX:ArchiveClassesAtExit=" + archive);
        start();
        stop(); // the archive is written as the JVM exits
        extraJvm = List.of("-XX:SharedArchiveFile=" + archive);
        load = loadAverage();
        for (int i = 0; i < n; i++) {
            stop();
            double[] t = start();
            quarkus[i] = t[0];
            ready[i] = t[1];
            say("start with the class archive: Quarkus %.2f s, ready after %.2f s", t[0], t[1]);
        }
        extraJvm = List.of();
        Arrays.sort(quarkus);
        Arrays.sort(ready);
        figure("start with a class archive: Quarkus' 'started in', median s", String.format("%.2f", median(quarkus)), load);
        figure("start with a class archive: launch to /q/health/ready UP, median s", String.format("%.2f", median(ready)), load);
    }

    List<String> extraJvm = List.of();

    /** Starts the service; answers Quarkus' own start-up figure and the seconds until ready. */
    double[] start() throws Exception {
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        Path log = home.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        if (opts.containsKey("jvm")) {
            command.addAll(Arrays.asList(opts.get("jvm").trim().split("\\s+")));
        }
        command.addAll(extraJvm);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dregtrack.embedded-db.data-dir=" + home.resolve("postgres"),
                "-Dregtrack.embedded-db.port=" + pgPort,
                "-Dregtrack.auth.admin-token-file=" + home.resolve("admin-token"),
                "-jar",
                app.resolve("quarkus-run.jar").toString()));
        Files.deleteIfExists(log);
        long t0 = System.nanoTime();
        service = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        while (true) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service ended at start; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        double ready = (System.nanoTime() - t0) / 1e9;
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        return new double[] {m.find() ? Double.parseDouble(m.group(1)) : Double.NaN, ready};
    }

    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy(); // SIGTERM: the service stops its PostgreSQL and ends
            if (!service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** CPU milliseconds used so far by the service's JVM and by its PostgreSQL (the JVM's descendants). */
    long[] cpu() {
        long tick = 10; // USER_HZ is 100 on Linux
        long jvm = ticks(service.pid()) * tick;
        long db = service.descendants().mapToLong(p -> ticks(p.pid())).sum() * tick;
        return new long[] {jvm, db};
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // a process that ended meanwhile
        }
    }

    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    void jcmd(String... args) throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> command = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(service.pid())));
        command.addAll(List.of(args));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    // --- helpers --------------------------------------------------------------------------------

    ClassLoader driverLoader;

    Connection database() throws Exception {
        if (driverLoader == null) {
            try (Stream<Path> jars = Files.list(app.resolve("lib/main"))) {
                URL[] urls = jars.filter(p -> p.getFileName().toString().startsWith("org.postgresql.postgresql-"))
                        .map(p -> {
                            try {
                                return p.toUri().toURL();
                            } catch (java.net.MalformedURLException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .toArray(URL[]::new);
                driverLoader = new URLClassLoader(urls, Load.class.getClassLoader());
            }
        }
        Driver driver = (Driver) Class.forName("org.postgresql.Driver", true, driverLoader)
                .getDeclaredConstructor()
                .newInstance();
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", Files.readString(home.resolve("postgres/regtrack.password")).trim());
        return driver.connect("jdbc:postgresql://127.0.0.1:" + pgPort + "/regtrack", props);
    }

    HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    String send(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    void figure(String what, String value, String load) {
        figures.add(new String[] {what, value, load});
        say("%s: %s (load %s)", what, value, load);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void say(String format, Object... args) {
        System.out.println("[load] " + String.format(Locale.ROOT, format, args));
    }
}
