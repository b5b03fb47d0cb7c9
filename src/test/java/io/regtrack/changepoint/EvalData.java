package io.regtrack.changepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the public histories in src/test/resources/eval (see the README there). */
final class EvalData {

    private EvalData() {}

    static double[] mozilla() throws IOException {
        List<Double> values = new ArrayList<>();
        String[] lines = text("mozilla-4653996-contentful-speed-index.csv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            values.add(Double.parseDouble(lines[i].split(",")[3]));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Ray's executable sizes with their commits, oldest first. */
    record Sized(String commit, double size) {}

    static List<Sized> ray() throws IOException {
        JsonNode suite =
                new ObjectMapper().readTree(text("ray-executable-size.json")).at("/suites/Benchmark");
        JsonNode commits = suite.get("commits");
        List<Sized> sized = new ArrayList<>();
        for (JsonNode point : suite.at("/benches/Benchmark - Executable Size/points")) {
            sized.add(new Sized(
                    commits.get(point.get(0).asInt()).get(0).asText(),
                    point.get(1).asDouble()));
        }
        return sized;
    }

    static Map<String, double[]> hyper() throws IOException {
        Map<String, double[]> series = new TreeMap<>();
        JsonNode suites =
                new ObjectMapper().readTree(text("hyper-bench-history.json")).get("suites");
        suites.fields()
                .forEachRemaining(suite -> suite.getValue()
                        .get("benches")
                        .fields()
                        .forEachRemaining(bench -> {
                            List<Double> values = new ArrayList<>();
                            bench.getValue()
                                    .get("points")
                                    .forEach(p -> values.add(p.get(1).asDouble()));
                            series.put(
                                    suite.getKey() + "/" + bench.getKey(),
                                    values.stream()
                                            .mapToDouble(Double::doubleValue)
                                            .toArray());
                        }));
        return series;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = EvalData.class.getResourceAsStream("/eval/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
