package io.regtrack.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.regtrack.verdict.SeriesKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A change found in one series of a tracked branch: its culprit, levels, direction and triage state. */
@Entity
@Table(name = "alerts")
public class Alert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 1)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(nullable = false)
    public String branch;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    public String target;

    @Column(name = "profile_name")
    public String profileName;

    @Column(nullable = false)
    public String status;

    /** {@code regression} or {@code improvement}. */
    @Column(nullable = false)
    public String direction;

    /** How it was found: {@code step} (an exact series moved), {@code creep} or {@code shift}. */
    @Column(nullable = false)
    public String method;

    /** The release this change came after, when there is one. */
    @Column(name = "release_run_id")
    public Long releaseRunId;

    @Column(name = "release_tag")
    public String releaseTag;

    @Column(name = "before_value", nullable = false)
    public double before;

    @Column(name = "after_value", nullable = false)
    public double after;

    @Column(nullable = false)
    public double delta;

    @Column(name = "delta_percent")
    public Double deltaPercent;

    /** The run at which the change was found (at or after its culprit). */
    @Column(name = "detected_run_id", nullable = false)
    public Long detectedRunId;

    @Column(name = "detected_commit", nullable = false)
    public String detectedCommit;

    @Column(name = "culprit_run_id")
    public Long culpritRunId;

    @Column(name = "culprit_commit")
    public String culpritCommit;

    /** The commits the change may lie in, oldest first: the culprit alone when it is exact. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> suspects = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> explanations = List.of();

    public String note;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Which series of its build the change was found in. */
    public SeriesKey seriesKey() {
        return new SeriesKey(kind, name);
    }
}
