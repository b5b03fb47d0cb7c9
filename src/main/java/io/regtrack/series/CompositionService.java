package io.regtrack.series;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.verdict.Composition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A binary's composition over time, for a chart per binary: its largest parts, the rest summed. */
@ApplicationScoped
public class CompositionService {

    static final int LARGEST = 8;

    private final ProjectService projects;
    private final SeriesRepository series;
    private final ChartsRepository charts;

    CompositionService(ProjectService projects, SeriesRepository series, ChartsRepository charts) {
        this.projects = projects;
        this.series = series;
        this.charts = charts;
    }

    @Transactional
    public CompositionView composition(String slug, SeriesService.SeriesQuery q) {
        Project project = projects.readable(slug);
        if (q.name() == null) {
            throw ProblemException.invalid("name", "is required");
        }
        int maxPoints = q.maxPoints() == null ? SeriesService.DEFAULT_POINTS : q.maxPoints();
        if (maxPoints < 4 || maxPoints > SeriesService.MAX_POINTS) {
            throw ProblemException.invalid("maxPoints", "must be between 4 and " + SeriesService.MAX_POINTS);
        }
        String branch = ProjectService.branch(project, q.branch());
        List<SeriesRepository.Point> all = series.points(project.id, branch, q);
        double[] sizes = all.stream().mapToDouble(SeriesRepository.Point::value).toArray();
        List<SeriesRepository.Point> kept =
                Downsample.keep(sizes, maxPoints).stream().map(all::get).toList();
        List<Long> ids = kept.stream().map(SeriesRepository.Point::runId).toList();
        Map<Long, Map<String, Double>> parts = charts.parts(ids, q.name());
        Map<Long, SeriesRepository.RunFacts> facts = series.runFacts(ids);
        List<ChartsView.RunFacts> runs = kept.stream()
                .map(p -> {
                    SeriesRepository.RunFacts f = facts.get(p.runId());
                    return new ChartsView.RunFacts(
                            p.runId(), f.commit(), p.committedAt(), ChartsService.subject(f.message()), f.profile());
                })
                .toList();
        Map<String, Double> newest = kept.isEmpty() ? Map.of() : parts.getOrDefault(ids.get(ids.size() - 1), Map.of());
        return new CompositionView(
                q.name(),
                branch,
                q.profile(),
                q.target(),
                all.size(),
                runs,
                kept.stream().map(SeriesRepository.Point::value).toList(),
                largest(
                        ids,
                        parts,
                        newest,
                        name -> !name.startsWith(Composition.CRATE) && !name.equals(Composition.STRIPPED),
                        "other sections"),
                largest(ids, parts, newest, name -> name.startsWith(Composition.CRATE), "other crates"));
    }

    /** The {@value #LARGEST} largest parts of a kind at the newest run, each over every run, and the rest summed. */
    private static List<CompositionView.Part> largest(
            List<Long> ids,
            Map<Long, Map<String, Double>> parts,
            Map<String, Double> newest,
            Predicate<String> ofKind,
            String other) {
        List<String> names = newest.entrySet().stream()
                .filter(e -> ofKind.test(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> shown = names.subList(0, Math.min(LARGEST, names.size()));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        shown.forEach(name -> values.put(name, new ArrayList<>()));
        boolean rest = names.size() > LARGEST;
        List<Double> others = new ArrayList<>();
        for (long id : ids) {
            Map<String, Double> at = parts.get(id);
            shown.forEach(name -> values.get(name).add(at == null ? null : at.get(name)));
            if (rest) {
                others.add(
                        at == null
                                ? null
                                : at.entrySet().stream()
                                        .filter(e -> ofKind.test(e.getKey()) && !shown.contains(e.getKey()))
                                        .mapToDouble(Map.Entry::getValue)
                                        .sum());
            }
        }
        List<CompositionView.Part> answer = new ArrayList<>();
        values.forEach((name, v) -> answer.add(new CompositionView.Part(name, v)));
        if (rest) {
            answer.add(new CompositionView.Part(other, others));
        }
        return answer;
    }
}
