package io.regtrack.comparison;

import io.regtrack.baseline.BaselineFinder;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.BuildKey;
import io.regtrack.run.Measurement;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.RunService;
import io.regtrack.verdict.Judgement;
import io.regtrack.verdict.Measured;
import io.regtrack.verdict.SeriesKey;
import io.regtrack.verdict.Thresholds;
import io.regtrack.web.ServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a judgement needs — the baseline run, the series' recent history, earlier uploads of
 * the same commit — hands it to the pure verdict code, and makes the API's answer of it. The
 * caller owns the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ComparisonService {

    private final ProjectService projects;
    private final RunRepository runs;
    private final MeasurementRepository measurements;
    private final BaselineFinder baselines;
    private final ServerConfig server;
    private final VerdictConfig config;
    private final RunRefs refs;

    ComparisonService(
            ProjectService projects,
            RunRepository runs,
            MeasurementRepository measurements,
            BaselineFinder baselines,
            ServerConfig server,
            VerdictConfig config,
            RunRefs refs) {
        this.projects = projects;
        this.runs = runs;
        this.measurements = measurements;
        this.baselines = baselines;
        this.server = server;
        this.config = config;
        this.refs = refs;
    }

    /**
     * Any two runs of a project the caller may read, each named by a run id, a release tag, a
     * commit or a branch: {@code head} judged against {@code base}, the largest changes first.
     */
    @Transactional
    public Comparison compareRefs(String slug, String base, String head, String kind, String name) {
        Project project = projects.readable(slug);
        Run headRun = refs.resolve(project, "head", head, null);
        Run baseRun = refs.resolve(project, "base", base, BuildKey.of(headRun));
        Judgement judgement =
                judge(project, headRun, measurements.ofRun(headRun.id), Optional.of(baselines.found(baseRun)));
        return Comparison.largestChangesFirst(answer(project, headRun, judgement), kind, name);
    }

    /** A stored run of a project the caller may read, judged now against {@code against}. */
    @Transactional
    public Comparison compare(String slug, long runId, String against) {
        Project project = projects.readable(slug);
        Run run = runs.findInProject(project.id, runId).orElseThrow(() -> RunService.noSuchRun(slug, runId));
        return compare(project, run, measurements.ofRun(run.id), against);
    }

    /** The run judged and answered for, as {@code GET …/comparison} and an upload answer it. */
    public Comparison compare(Project project, Run run, List<Measurement> rows, String against) {
        return answer(project, run, judge(project, run, rows, against));
    }

    /** @param against {@code release}, {@code parent} or a run id */
    public Judgement judge(Project project, Run run, List<Measurement> rows, String against) {
        return judge(
                project,
                run,
                rows,
                switch (against) {
                    case "release" -> baselines.release(project, run);
                    case "parent" -> baselines.parent(run);
                    default -> Optional.of(baselines.run(project, parseRunId(against)));
                });
    }

    private Judgement judge(Project project, Run run, List<Measurement> rows, Optional<BaselineFinder.Found> found) {
        Judgement.Base base = found.map(f -> new Judgement.Base(
                        new Judgement.BaselineRef(f.tag(), f.run().commitSha, f.run().id),
                        measured(measurements.ofRun(f.run().id)),
                        f.run().environment()))
                .orElse(null);
        Thresholds thresholds = projects.thresholds(project);
        Map<SeriesKey, List<Double>> histories = base == null
                ? Map.of()
                : measurements.histories(
                        run,
                        rows.stream()
                                .filter(m -> !"size".equals(m.kind) && (m.samples == null || m.samples.length < 2))
                                .toList(),
                        config.history());
        List<String> warnings = new ArrayList<>(run.profileWarnings);
        warnings.addAll(nonReproducible(run, rows));
        return Judgement.of(measured(rows), run.environment(), base, thresholds, histories, warnings);
    }

    /** The API's answer for a judged run: the judgement with the run, its Markdown and its page. */
    public Comparison answer(Project project, Run run, Judgement judgement) {
        String url = server.link("/projects/" + project.slug + "/runs/" + run.id);
        return Comparison.of(new Comparison.Subject(run.id, run.commitSha, run.branch, url), judgement);
    }

    /** Sizes that differ from an earlier upload of the same commit built the same way. */
    private List<String> nonReproducible(Run run, List<Measurement> rows) {
        List<Run> twins = runs.otherUploadsOf(run.projectId, run.commitSha, run.id).stream()
                .filter(other -> sameBuild(run, other))
                .toList();
        if (twins.isEmpty()) {
            return List.of();
        }
        Map<String, Measurement> sizes = new LinkedHashMap<>();
        rows.stream().filter(m -> "size".equals(m.kind)).forEach(m -> sizes.put(m.name, m));
        Map<Long, Run> byId = new HashMap<>();
        twins.forEach(t -> byId.put(t.id, t));
        return measurements.ofRuns(byId.keySet()).stream()
                .filter(m -> "size".equals(m.kind) && sizes.containsKey(m.name) && m.center != sizes.get(m.name).center)
                .map(m -> String.format(
                        "Non-reproducible build: %s is %,d bytes here but was %,d bytes in run %d of "
                                + "the same commit, toolchain and profile",
                        m.name, (long) sizes.get(m.name).center, (long) m.center, m.runId))
                .distinct()
                .toList();
    }

    /** One build, with the same toolchain, effective profile settings and runner: its sizes must agree. */
    private static boolean sameBuild(Run a, Run b) {
        return BuildKey.of(a).equals(BuildKey.of(b))
                && a.toolchain.equals(b.toolchain)
                && a.profileEffective.equals(b.profileEffective)
                && a.runner.equals(b.runner);
    }

    static List<Measured> measured(List<Measurement> rows) {
        return rows.stream()
                .map(m -> new Measured(m.kind, m.name, m.unit, m.center, m.samples, m.parts))
                .toList();
    }

    private static long parseRunId(String against) {
        try {
            return Long.parseLong(against);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("against", "must be 'release', 'parent' or a run id");
        }
    }
}
