package io.regtrack.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes a new run, complete with its answer, and its measurements: two statements in the
 * caller's transaction, each row written once. Ids are taken first ({@link #number}), so an upload
 * is judged, and its answer made, before anything of it is stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RunInsert {

    private static final String RUN = "insert into runs (id, project_id, commit_sha, branch, tag, parent_commit,"
            + " pull_request, committed_at, received_at, message, author, ci_url, idempotency_key, request_hash,"
            + " toolchain, runner, target, profile_name, profile_settings, profile_inputs, profile_effective,"
            + " profile_warnings, environment_hash, status, comparison) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb),"
            + " cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as jsonb))";
    private static final String MEASUREMENT = "insert into measurements (id, run_id, project_id, branch,"
            + " committed_at, profile_name, target, environment_hash, kind, name, unit, value, samples, center, parts)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";

    private final Session session;
    private final ObjectMapper json;

    RunInsert(Session session, ObjectMapper json) {
        this.session = session;
        this.json = json;
    }

    /**
     * Gives the run and its measurements their ids, in one statement of the upload's own
     * transaction, and the measurements their run's key columns. Not from Hibernate's blocks of ids
     * kept in memory: a block fetched by a transaction whose record never reached the disk before the
     * database was killed would be handed out again after its restart. Each id is a value of
     * {@code nextval} itself, which never falls in another value's block.
     */
    public void number(Run run, List<Measurement> rows) {
        Object[] ids = Jdbc.query(
                        session,
                        "select nextval('run_seq'), array(select nextval('measurement_seq') from generate_series(1, ?))",
                        r -> new Object[] {r.getLong(1), r.getArray(2).getArray()},
                        rows.size())
                .get(0);
        run.id = (Long) ids[0];
        Long[] measurementIds = (Long[]) ids[1];
        for (int i = 0; i < rows.size(); i++) {
            Measurement row = rows.get(i);
            row.id = measurementIds[i];
            row.runId = run.id;
            row.projectId = run.projectId;
            row.branch = run.branch;
            row.committedAt = run.committedAt;
            row.profileName = run.profileName;
            row.target = run.target;
            row.environmentHash = run.environmentHash;
        }
    }

    /**
     * Writes the numbered run and its measurements. A second run with the same idempotency key fails
     * here with the key's constraint (a {@link org.hibernate.exception.ConstraintViolationException}).
     */
    public void insert(Run run, List<Measurement> rows) {
        session.doWork(connection -> {
            insertRun(connection, run);
            insertMeasurements(connection, rows);
        });
    }

    private void insertRun(Connection connection, Run run) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RUN)) {
            int i = 0;
            s.setLong(++i, run.id);
            s.setLong(++i, run.projectId);
            s.setString(++i, run.commitSha);
            s.setString(++i, run.branch);
            s.setString(++i, run.tag);
            s.setString(++i, run.parentCommit);
            s.setObject(++i, run.pullRequest, Types.INTEGER);
            s.setObject(++i, at(run.committedAt));
            s.setObject(++i, at(run.receivedAt));
            s.setString(++i, run.message);
            s.setString(++i, run.author);
            s.setString(++i, run.ciUrl);
            s.setString(++i, run.idempotencyKey);
            s.setString(++i, run.requestHash);
            s.setString(++i, text(run.toolchain));
            s.setString(++i, text(run.runner));
            s.setString(++i, run.target);
            s.setString(++i, run.profileName);
            s.setString(++i, text(run.profileSettings));
            s.setString(++i, text(run.profileInputs));
            s.setString(++i, text(run.profileEffective));
            s.setString(++i, text(run.profileWarnings));
            s.setString(++i, run.environmentHash);
            s.setString(++i, run.status);
            s.setString(++i, run.comparison == null ? null : text(run.comparison));
            s.executeUpdate();
        }
    }

    /** One statement: the driver rewrites the batch into a multi-row insert. */
    private void insertMeasurements(Connection connection, List<Measurement> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(MEASUREMENT)) {
            for (Measurement m : rows) {
                int i = 0;
                s.setLong(++i, m.id);
                s.setLong(++i, m.runId);
                s.setLong(++i, m.projectId);
                s.setString(++i, m.branch);
                s.setObject(++i, at(m.committedAt));
                s.setString(++i, m.profileName);
                s.setString(++i, m.target);
                s.setString(++i, m.environmentHash);
                s.setString(++i, m.kind);
                s.setString(++i, m.name);
                s.setString(++i, m.unit);
                s.setObject(++i, m.value, Types.DOUBLE);
                s.setArray(
                        ++i,
                        m.samples == null
                                ? null
                                : connection.createArrayOf(
                                        "float8",
                                        Arrays.stream(m.samples).boxed().toArray()));
                s.setDouble(++i, m.center);
                s.setString(++i, m.parts == null ? null : text(m.parts));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a run's column as JSON", e);
        }
    }
}
