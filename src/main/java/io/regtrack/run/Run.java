package io.regtrack.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.regtrack.verdict.Environment;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored CI upload, written once with its answer ({@link RunInsert}); only the deletion of the
 * run it was judged against makes its answer written again.
 */
@Entity
@Table(name = "runs")
public class Run extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_seq")
    @SequenceGenerator(name = "run_seq", sequenceName = "run_seq", allocationSize = 50)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(name = "commit_sha", nullable = false)
    public String commitSha;

    @Column(nullable = false)
    public String branch;

    public String tag;

    @Column(name = "parent_commit")
    public String parentCommit;

    @Column(name = "pull_request")
    public Integer pullRequest;

    @Column(name = "committed_at", nullable = false)
    public Instant committedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public String message;
    public String author;

    @Column(name = "ci_url")
    public String ciUrl;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> toolchain;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> runner;

    public String target;

    @Column(name = "profile_name")
    public String profileName;

    /** The settings the upload gave explicitly. Kept for the record; read only when asked for. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "profile_settings", nullable = false)
    public Map<String, Object> profileSettings;

    /** What the profile was resolved from: manifests, config files, environment, rustc command. Read only when asked for. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "profile_inputs", nullable = false)
    public Map<String, Object> profileInputs;

    /** Every setting's effective value and source: {"lto": {"value": "fat", "source": "manifest"}, …}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "profile_effective", nullable = false)
    public Map<String, EffectiveSetting> profileEffective = Map.of();

    /** Where the profile inputs, the explicit settings and the observed flags disagreed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "profile_warnings", nullable = false)
    public List<String> profileWarnings = List.of();

    /** A fingerprint of the effective profile and toolchain; equal environments have equal hashes. */
    @Column(name = "environment_hash", nullable = false)
    public String environmentHash;

    @Column(nullable = false)
    public String status;

    /** The answer to its upload, as sent: read only for a replay, not with every run read. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode comparison;

    /** The environment it was built in: effective profile settings, toolchain and runner. */
    public Environment environment() {
        Map<String, String> profile = new LinkedHashMap<>();
        profileEffective.forEach((k, v) -> profile.put(k, v.value()));
        return new Environment(profile, toolchain, runner);
    }
}
