package io.regtrack.badge;

import com.fasterxml.jackson.databind.JsonNode;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.verdict.Units;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Badges of a public project: the newest size of a binary, the newest run's status. */
@ApplicationScoped
public class BadgeService {

    private final ProjectService projects;
    private final RunRepository runs;
    private final BadgeRepository badges;

    BadgeService(ProjectService projects, RunRepository runs, BadgeRepository badges) {
        this.projects = projects;
        this.runs = runs;
        this.badges = badges;
    }

    /** The newest size of a binary on a branch, coloured by its verdict in that run. */
    @Transactional
    public Badge size(String slug, String name, String branch, String profile) {
        Project project = projects.shownToAnyone(slug);
        String on = ProjectService.branch(project, branch);
        return badges.newestSize(project.id, on, name, profile)
                .map(size -> new Badge(
                        name,
                        Units.approximate(size.value(), "bytes"),
                        Badge.colourOf(verdict(runs.findById(size.runId()), name))))
                .orElse(new Badge(name, "no runs", Badge.GREY));
    }

    /** The newest run's status on a branch (default: the project's default branch). */
    @Transactional
    public Badge status(String slug, String branch) {
        Project project = projects.shownToAnyone(slug);
        return runs.newestOnBranch(project.id, ProjectService.branch(project, branch), null)
                .map(run -> new Badge("regtrack", run.status, Badge.colourOf(run.status)))
                .orElse(new Badge("regtrack", "no runs", Badge.GREY));
    }

    /** The status of the size verdict of {@code name} in the run's stored answer, if it has one. */
    private static String verdict(Run run, String name) {
        JsonNode verdicts = run == null || run.comparison == null ? null : run.comparison.get("verdicts");
        if (verdicts != null) {
            for (JsonNode v : verdicts) {
                if ("size".equals(v.path("kind").asText())
                        && name.equals(v.path("name").asText())) {
                    return v.path("status").asText(null);
                }
            }
        }
        return null;
    }
}
