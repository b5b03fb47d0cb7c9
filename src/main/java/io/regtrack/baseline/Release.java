package io.regtrack.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tagged commit whose runs are the baseline for later commits. */
@Entity
@Table(name = "releases")
public class Release extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "release_seq")
    @SequenceGenerator(name = "release_seq", sequenceName = "release_seq", allocationSize = 1)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(nullable = false)
    public String tag;

    @Column(name = "commit_sha", nullable = false)
    public String commitSha;

    /** The commit time of the release's runs; null until a run of the commit is uploaded. */
    @Column(name = "committed_at")
    public Instant committedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
