package io.regtrack.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "The alerts that share a culprit commit (or, for changes not yet located, the same suspect "
                + "commits): one commit that moved twelve benchmarks is one summary with twelve alerts")
public record AlertSummaryView(
        @Schema(description = "The culprit commit; null when the alerts only have suspects")
        String commit,

        Long runId,
        List<String> suspects,
        int regressions,
        int improvements,

        @Schema(description = "open while any of its regressions is open or acknowledged, else the latest state")
        String status,

        Instant openedAt,
        List<AlertView> alerts) {

    /** Groups alerts by culprit, newest group first; the order within a group is the given one. */
    static List<AlertSummaryView> of(List<Alert> alerts, Map<Long, AlertView.Triaged> triaged) {
        Map<String, List<Alert>> groups = new LinkedHashMap<>();
        for (Alert a : alerts) {
            String key = a.culpritCommit != null ? a.culpritCommit : "suspects:" + String.join(",", a.suspects);
            groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(a);
        }
        return groups.values().stream()
                .map(group -> summary(group, triaged))
                .sorted(Comparator.comparing(AlertSummaryView::openedAt).reversed())
                .toList();
    }

    private static AlertSummaryView summary(List<Alert> group, Map<Long, AlertView.Triaged> triaged) {
        Alert first = group.get(0);
        int regressions = (int)
                group.stream().filter(a -> Direction.isRegression(a.direction)).count();
        boolean live =
                group.stream().anyMatch(a -> Direction.isRegression(a.direction) && AlertStatus.isLive(a.status));
        return new AlertSummaryView(
                first.culpritCommit,
                first.culpritRunId,
                first.suspects,
                regressions,
                group.size() - regressions,
                live ? AlertStatus.OPEN.wire() : first.status,
                group.stream()
                        .map(a -> a.openedAt)
                        .min(Comparator.naturalOrder())
                        .orElse(first.openedAt),
                group.stream().map(a -> AlertView.of(a, triaged.get(a.id))).toList());
    }
}
