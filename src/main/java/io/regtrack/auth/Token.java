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

/**
 * A stored token: its scope, its project (none for an admin of the whole server), the hash of its
 * text, and when it ends, was revoked and was last used (to the minute).
 */
@Entity
@Table(name = "tokens")
public class Token extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "token_seq")
    @SequenceGenerator(name = "token_seq", sequenceName = "token_seq", allocationSize = 1)
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

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public Scope scope() {
        return Scope.fromWire(scope);
    }

    /** Neither revoked nor past its end. */
    public boolean isLive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
