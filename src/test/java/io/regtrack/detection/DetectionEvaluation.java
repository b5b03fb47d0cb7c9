package io.regtrack.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.testing.ServiceProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays public histories through the packaged service's API exactly as CI would post them (each
 * series its own project, points in order, a release every 25 commits, sizes counted to the byte)
 * and scores the alerts it raises against the labels. Not part of the default build; run it with
 * {@code bench/detection.sh}. The table is printed and written to {@code target/detection.md}.
 */
class DetectionEvaluation {

    private static final int RELEASE_EVERY = 25;
    private static final int WARM_UP = 30;
    private static final int[] MOZILLA_CHANGES = {52, 89, 336, 372, 483, 549};

    @TempDir
    Path home;

    @Test
    void replayPublicHistoriesThroughTheApi() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start()) {
            Replayer replayer = new Replayer(service, service.adminToken());
            List<String> table = new ArrayList<>();
            table.add(
                    "| data | commits | alerts | precision | recall | F1 | false alarms / 1,000 commits | delay (median, p90) |");
            table.add("|---|--:|--:|--:|--:|--:|--:|---|");

            double[] mozilla = mozilla();
            List<Scores.Truth> mozillaTruth = new ArrayList<>();
            for (int t : MOZILLA_CHANGES) {
                mozillaTruth.add(
                        new Scores.Truth(t, Scores.median(mozilla, t, t + 10) > Scores.median(mozilla, t - 10, t)));
            }
            List<Replayer.Alert> mozillaAlerts = replayer.replay("mozilla", "runtime", mozilla);
            table.add(Scores.labelled(
                    "Mozilla 4653996 (6 sheriffed changes; culprit within 5 commits of the label)",
                    mozilla.length,
                    mozillaAlerts,
                    mozillaTruth,
                    5,
                    true));

            double[] ray = ray();
            List<Scores.Truth> rayTruth = new ArrayList<>();
            for (int i = 1; i < ray.length; i++) {
                if (ray[i] != ray[i - 1]) {
                    rayTruth.add(new Scores.Truth(i, ray[i] > ray[i - 1]));
                }
            }
            List<Replayer.Alert> rayAlerts = replayer.replay("ray", "size", ray);
            table.add(Scores.labelled(
                    "ray sizes (" + rayTruth.size() + " byte-exact steps; exact commit)",
                    ray.length,
                    rayAlerts,
                    rayTruth,
                    0,
                    false));

            Map<String, double[]> hyper = hyper();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            Map<String, Future<List<Replayer.Alert>>> plain = new TreeMap<>();
            hyper.forEach(
                    (name, values) -> plain.put(name, pool.submit(() -> replayer.replay("hyper", "runtime", values))));
            int commits = 0;
            int alarms = 0;
            int regressionAlarms = 0;
            Map<String, String[]> hyperCommits = hyperCommits();
            Map<String, Integer> moved =
                    new java.util.HashMap<>(); // hyper commit and direction → series that moved near it
            List<String> alarmKeys = new ArrayList<>();
            for (Map.Entry<String, Future<List<Replayer.Alert>>> e : plain.entrySet()) {
                commits += Math.max(0, hyper.get(e.getKey()).length - WARM_UP);
                String[] ids = hyperCommits.get(e.getKey());
                for (Replayer.Alert a : e.getValue().get()) {
                    if (a.detected() >= WARM_UP) {
                        alarms++;
                        regressionAlarms += a.regression() ? 1 : 0;
                        String direction = a.regression() ? "+" : "-";
                        for (int j = Math.max(0, a.culprit() - 2);
                                j <= Math.min(ids.length - 1, a.culprit() + 2);
                                j++) {
                            moved.merge(ids[j] + direction, 1, Integer::sum);
                        }
                        alarmKeys.add(ids[a.culprit()] + direction);
                    }
                }
            }
            long corroborated =
                    alarmKeys.stream().filter(k -> moved.get(k) >= 3).count();
            table.add(String.format(
                    Locale.ROOT,
                    "| hyper (27 real series, unlabelled; after %d warm-up commits) | %d | %d | | | | %.1f (regressions %.1f; not corroborated by two other series moving the same way within 2 commits: %.1f) | |",
                    WARM_UP,
                    commits,
                    alarms,
                    alarms * 1000.0 / commits,
                    regressionAlarms * 1000.0 / commits,
                    (alarms - corroborated) * 1000.0 / commits));

            for (double step : new double[] {0.10, 0.20}) {
                Random random = new Random(20261124L);
                Map<String, Future<List<Replayer.Alert>>> injected = new TreeMap<>();
                Map<String, Integer> at = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> e : hyper.entrySet()) {
                    double[] values = e.getValue().clone();
                    int p = 40 + random.nextInt(values.length - 60);
                    for (int i = p; i < values.length; i++) {
                        values[i] *= 1 + step;
                    }
                    at.put(e.getKey(), p);
                    injected.put(e.getKey(), pool.submit(() -> replayer.replay("hyper-step", "runtime", values)));
                }
                int hits = 0;
                int[] byNoise = new int[3];
                int[] ofNoise = new int[3];
                List<Integer> delays = new ArrayList<>();
                for (Map.Entry<String, Future<List<Replayer.Alert>>> e : injected.entrySet()) {
                    int p = at.get(e.getKey());
                    int noise = noiseClass(hyper.get(e.getKey()));
                    ofNoise[noise]++;
                    for (Replayer.Alert a : e.getValue().get()) {
                        if (a.regression() && a.culprit() >= p && a.culprit() <= p + 5) {
                            hits++;
                            byNoise[noise]++;
                            delays.add(a.detected() - p);
                            break;
                        }
                    }
                }
                table.add(String.format(
                        Locale.ROOT,
                        "| hyper with an injected +%.0f %% step (seeded, one per series; culprit within 5 commits) | | | | %.2f (%d of %d; by run-to-run noise < 5 %%: %d of %d, 5–10 %%: %d of %d, > 10 %%: %d of %d) | | | %s |",
                        step * 100,
                        hits / (double) injected.size(),
                        hits,
                        injected.size(),
                        byNoise[0],
                        ofNoise[0],
                        byNoise[1],
                        ofNoise[1],
                        byNoise[2],
                        ofNoise[2],
                        Scores.delays(delays)));
            }
            pool.shutdown();

            double measuredRate = alarms * 1000.0 / commits;
            StepBound bound = new StepBound(30, 6, 0.05, WARM_UP);
            for (double rate : new double[] {3.0, measuredRate}) {
                for (double step : new double[] {0.10, 0.20}) {
                    StepBound.Result r = bound.recall(hyper.values(), rate, step);
                    table.add(String.format(
                            Locale.ROOT,
                            "| bound: a rank test told the commit of a +%.0f %% step (6 points after it, 30 before), at %.1f alarms / 1,000 unchanged commits (p ≤ %.1e) | | | | %.2f (noise < 5 %%: %.2f, 5–10 %%: %.2f, > 10 %%: %.2f) | | %.1f | |",
                            step * 100,
                            rate,
                            r.threshold(),
                            r.recall(),
                            r.recallByNoise()[0],
                            r.recallByNoise()[1],
                            r.recallByNoise()[2],
                            r.alarmsPer1000()));
                }
            }

            String markdown = String.join("\n", table) + "\n";
            Files.writeString(Path.of("target", "detection.md"), markdown, StandardCharsets.UTF_8);
            System.out.println(markdown);
            assertThat(rayAlerts).isNotEmpty();
        }
    }

    /** 0, 1 or 2 for a median change from one commit to the next below 5 %, 5–10 %, above 10 %. */
    static int noiseClass(double[] values) {
        double[] changes = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            changes[i - 1] = Math.abs(values[i] - values[i - 1]) / Math.abs(values[i - 1]);
        }
        double median = Scores.median(changes, 0, changes.length);
        return median < 0.05 ? 0 : median < 0.10 ? 1 : 2;
    }

    static double[] mozilla() throws Exception {
        String[] lines = text("mozilla-4653996-contentful-speed-index.csv").split("\n");
        double[] values = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            values[i - 1] = Double.parseDouble(lines[i].split(",")[3]);
        }
        return values;
    }

    static double[] ray() throws Exception {
        JsonNode points = new ObjectMapper()
                .readTree(text("ray-executable-size.json"))
                .at("/suites/Benchmark/benches/Benchmark - Executable Size/points");
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i).get(1).asDouble();
        }
        return values;
    }

    static Map<String, double[]> hyper() throws Exception {
        Map<String, double[]> series = new TreeMap<>();
        new ObjectMapper()
                .readTree(text("hyper-bench-history.json"))
                .get("suites")
                .fields()
                .forEachRemaining(suite -> suite.getValue()
                        .get("benches")
                        .fields()
                        .forEachRemaining(bench -> {
                            JsonNode points = bench.getValue().get("points");
                            double[] values = new double[points.size()];
                            for (int i = 0; i < values.length; i++) {
                                values[i] = points.get(i).get(1).asDouble();
                            }
                            series.put(suite.getKey() + "/" + bench.getKey(), values);
                        }));
        return series;
    }

    /** The commit of each point of each hyper series, as the history names it. */
    static Map<String, String[]> hyperCommits() throws Exception {
        Map<String, String[]> series = new TreeMap<>();
        new ObjectMapper()
                .readTree(text("hyper-bench-history.json"))
                .get("suites")
                .fields()
                .forEachRemaining(suite -> {
                    JsonNode commits = suite.getValue().get("commits");
                    suite.getValue().get("benches").fields().forEachRemaining(bench -> {
                        JsonNode points = bench.getValue().get("points");
                        String[] ids = new String[points.size()];
                        for (int i = 0; i < ids.length; i++) {
                            ids[i] = commits.get(points.get(i).get(0).asInt())
                                    .get(0)
                                    .asText();
                        }
                        series.put(suite.getKey() + "/" + bench.getKey(), ids);
                    });
                });
        return series;
    }

    private static String text(String name) throws Exception {
        try (InputStream in = DetectionEvaluation.class.getResourceAsStream("/eval/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Posts a series as a project's history and reads back the alerts it raised. */
    static final class Replayer {

        record Alert(int culprit, int detected, boolean regression) {}

        private final ServiceProcess service;
        private final String admin;
        private final ObjectMapper json = new ObjectMapper();
        private int projects;

        Replayer(ServiceProcess service, String admin) {
            this.service = service;
            this.admin = admin;
        }

        List<Alert> replay(String prefix, String kind, double[] values) throws Exception {
            String slug;
            synchronized (this) {
                slug = prefix + "-" + (++projects);
            }
            send("POST", "/api/v1/projects", Map.of("slug", slug, "name", slug));
            send("PATCH", "/api/v1/projects/" + slug, Map.of("releasePattern", "^r\\d+$"));
            send("PUT", "/api/v1/projects/" + slug + "/thresholds", Map.of("size", Map.of("percent", 0, "bytes", 0)));
            Map<String, Integer> index = new TreeMap<>();
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < values.length; i++) {
                String commit = String.format(Locale.ROOT, "%08x%032x", slug.hashCode(), i);
                index.put(commit, i);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("commit", commit);
                run.put("branch", "main");
                run.put("committedAt", start.plus(Duration.ofHours(i)).toString());
                if (i % RELEASE_EVERY == 0) {
                    run.put("tag", "r" + i);
                }
                run.put("measurements", List.of(Map.of("kind", kind, "name", "m", "value", values[i])));
                send("POST", "/api/v1/projects/" + slug + "/runs", run);
            }
            JsonNode alerts = json.readTree(send("GET", "/api/v1/projects/" + slug + "/alerts?direction=any", null));
            List<Alert> found = new ArrayList<>();
            for (JsonNode a : alerts) {
                JsonNode culprit = a.get("culprit");
                String named = culprit.isNull()
                        ? a.get("suspects").get(0).asText()
                        : culprit.get("commit").asText();
                found.add(new Alert(
                        index.get(named),
                        index.get(a.at("/detectedAt/commit").asText()),
                        a.get("direction").asText().equals("regression")));
            }
            return found;
        }

        private String send(String method, String path, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + admin);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> answer = service.send(request.build()).orElseThrow();
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }
    }
}
