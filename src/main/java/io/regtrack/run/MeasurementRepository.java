package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepository<Measurement> {

    public List<Measurement> ofRun(long runId) {
        return list("runId = ?1 order by kind, name", runId);
    }

    public List<Measurement> ofRuns(Collection<Long> runIds) {
        return runIds.isEmpty() ? List.of() : list("runId in ?1", runIds);
    }

    /**
     * The newest points of one series up to and including {@code run}, oldest first: the run's
     * branch, the same kind and name, built for the same target and profile.
     */
    public List<SeriesPoint> seriesUpTo(Run run, String kind, String name, int limit) {
        Parameters params = Parameters.with("project", run.projectId)
                .and("branch", run.branch)
                .and("kind", kind)
                .and("name", name)
                .and("at", run.committedAt);
        String query = "select new io.regtrack.run.SeriesPoint(r.id, r.commitSha, r.committedAt, m.center)"
                + " from Measurement m, Run r where r.id = m.runId and m.projectId = :project and m.branch = :branch"
                + " and m.kind = :kind and m.name = :name and m.committedAt <= :at"
                + RunRepository.sameBuild("r", run.target, run.profileName, params)
                + " order by m.committedAt desc, m.id desc";
        var q = getEntityManager().createQuery(query, SeriesPoint.class).setMaxResults(limit);
        params.map().forEach(q::setParameter);
        List<SeriesPoint> oldestFirst = new ArrayList<>(q.getResultList());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The central values of one series before a time, oldest first: the same branch, kind and
     * name, built for the same target and profile.
     */
    public List<Double> history(Run run, String kind, String name, int limit) {
        Parameters params = Parameters.with("project", run.projectId)
                .and("branch", run.branch)
                .and("kind", kind)
                .and("name", name)
                .and("at", run.committedAt)
                .and("run", run.id);
        // measurements carry the whole series key, so one index range answers without the runs
        String query = "select m.center from Measurement m where m.projectId = :project"
                + " and m.branch = :branch and m.kind = :kind and m.name = :name and m.committedAt < :at and m.runId <> :run"
                + RunRepository.sameBuild("m", run.target, run.profileName, params)
                + " order by m.committedAt desc, m.id desc";
        var q = getEntityManager().createQuery(query, Double.class).setMaxResults(limit);
        params.map().forEach(q::setParameter);
        List<Double> newestFirst = q.getResultList();
        List<Double> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
