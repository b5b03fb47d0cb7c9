package io.regtrack.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scoring as in the evaluation data's METRICS.md, CI variant: an alert matches a labelled change
 * when it names a commit within the margin and the same direction; each alert matches at most
 * one change; precision, recall and F1 over events; delay is detection minus change, in commits.
 */
final class Scores {

    /** A labelled change: its first point and whether the series went up. */
    record Truth(int at, boolean up) {}

    private Scores() {}

    /**
     * One table row. {@code twoSided}: labels that may sit a few commits after the true start (as
     * Mozilla's sheriffs place them) also match a culprit up to the margin before them.
     */
    static String labelled(
            String data,
            int commits,
            List<DetectionEvaluation.Replayer.Alert> alerts,
            List<Truth> truth,
            int margin,
            boolean twoSided) {
        Set<DetectionEvaluation.Replayer.Alert> used = new HashSet<>();
        List<Integer> delays = new ArrayList<>();
        int hits = 0;
        for (Truth t : truth) {
            for (DetectionEvaluation.Replayer.Alert a : alerts) {
                int offset = a.culprit() - t.at();
                boolean near = twoSided ? Math.abs(offset) <= margin : offset >= 0 && offset <= margin;
                if (!used.contains(a) && near && a.regression() == t.up()) {
                    used.add(a);
                    hits++;
                    delays.add(a.detected() - t.at());
                    break;
                }
            }
        }
        double precision = alerts.isEmpty() ? 1 : hits / (double) alerts.size();
        double recall = truth.isEmpty() ? 1 : hits / (double) truth.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.2f | %.2f | **%.2f** | %.1f | %s |",
                data,
                commits,
                alerts.size(),
                precision,
                recall,
                f1,
                (alerts.size() - hits) * 1000.0 / commits,
                delays(delays));
    }

    static String delays(List<Integer> delays) {
        if (delays.isEmpty()) {
            return "—";
        }
        List<Integer> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + ", "
                + sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
    }

    static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, Math.max(0, from), Math.min(values.length, to));
        Arrays.sort(part);
        return part[part.length / 2];
    }
}
