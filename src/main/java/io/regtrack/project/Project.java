package io.regtrack.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A repository being tracked. */
@Entity
@Table(name = "projects")
public class Project extends PanacheEntityBase {

    public static final String DEFAULT_RELEASE_PATTERN = "^v?\\d+\\.\\d+\\.\\d+$";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_public", nullable = false)
    public boolean isPublic;

    @Column(name = "default_branch", nullable = false)
    public String defaultBranch;

    public String repository;

    @Column(name = "release_pattern", nullable = false)
    public String releasePattern = DEFAULT_RELEASE_PATTERN;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Overrides of the default thresholds; what is left out takes the default. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ThresholdsBody thresholds = ThresholdsBody.NONE;

    /** A release every run is judged against, instead of the newest earlier one. */
    @Column(name = "pinned_release_id")
    public Long pinnedReleaseId;
}
