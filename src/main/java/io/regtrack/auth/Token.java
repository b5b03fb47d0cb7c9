package io.regtrack.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored token: its scope, its project (none for admin) and the hash of its text. */
@Entity
@Table(name = "tokens")
public class Token extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "token_seq")
    @SequenceGenerator(name = "token_seq", sequenceName = "token_seq", allocationSize = 50)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String scope;

    @Column(name = "lookup_id", nullable = false)
    public String lookupId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
