package io.regtrack.run;

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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One number (or one set of samples) of a run. */
@Entity
@Table(name = "measurements")
public class Measurement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "measurement_seq")
    @SequenceGenerator(name = "measurement_seq", sequenceName = "measurement_seq", allocationSize = 50)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(nullable = false)
    public String branch;

    @Column(name = "committed_at", nullable = false)
    public Instant committedAt;

    @Column(name = "profile_name")
    public String profileName;

    public String target;

    @Column(name = "environment_hash", nullable = false)
    public String environmentHash;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    public Double value;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public double[] samples;

    /** The value, or the median of the samples: what a chart plots. */
    @Column(nullable = false)
    public double center;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> parts;

    /** Which series of its run's build this measurement belongs to. */
    public SeriesKey seriesKey() {
        return new SeriesKey(kind, name);
    }
}
