package io.regtrack.run;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.RunRepository.RunCursor;
import io.regtrack.web.QueryCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Reads stored runs for callers who may read their project. */
@ApplicationScoped
public class RunService {

    public static final int MAX_PAGE = 200;

    private final ProjectService projects;
    private final RunRepository runs;
    private final MeasurementRepository measurements;

    RunService(ProjectService projects, RunRepository runs, MeasurementRepository measurements) {
        this.projects = projects;
        this.runs = runs;
        this.measurements = measurements;
    }

    @Transactional
    public RunSummary.Page list(String slug, String branch, String limit, String cursor) {
        Project project = projects.readable(slug);
        int size = pageSize(limit);
        List<Run> page =
                runs.page(project.id, QueryCheck.branch(branch), cursor == null ? null : decode(cursor), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            Run last = page.get(size - 1);
            next = encode(new RunCursor(last.committedAt, last.id));
        }
        return new RunSummary.Page(page.stream().map(RunSummary::of).toList(), next);
    }

    @Transactional
    public RunView view(String slug, long runId) {
        Project project = projects.readable(slug);
        Run run = runs.findInProject(project.id, runId).orElseThrow(() -> noSuchRun(slug, runId));
        return RunView.of(run, measurements.ofRun(run.id));
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_PAGE);
    }

    static String encode(RunCursor cursor) {
        String text = cursor.committedAt() + "," + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static RunCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int comma = text.lastIndexOf(',');
            return new RunCursor(Instant.parse(text.substring(0, comma)), Long.parseLong(text.substring(comma + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this server gave out");
        }
    }

    /** The answer for a run id that is not one of the project's runs. */
    public static ProblemException noSuchRun(String slug, long runId) {
        return ProblemException.notFound("No run " + runId + " in project '" + slug + "'");
    }
}
