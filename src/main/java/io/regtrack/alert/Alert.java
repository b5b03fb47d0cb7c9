package io.regtrack.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A stored regression of one series on a tracked branch, with its culprit and triage state. */
@Entity
@Table(name = "alerts")
public class Alert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
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

    @Column(name = "baseline_run_id")
    public Long baselineRunId;

    @Column(name = "baseline_tag")
    public String baselineTag;

    @Column(name = "baseline_value", nullable = false)
    public double baselineValue;

    /** The newest run that showed the regression. */
    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(name = "current_value", nullable = false)
    public double currentValue;

    @Column(name = "delta_percent")
    public Double deltaPercent;

    @Column(name = "culprit_run_id")
    public Long culpritRunId;

    @Column(name = "culprit_commit")
    public String culpritCommit;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> explanations = List.of();

    public String note;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
