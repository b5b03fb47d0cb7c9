package io.regtrack.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TokenRepository implements PanacheRepository<Token> {

    /** The one query of a request with a token: by the unique lookup id. */
    public Optional<Token> findByLookupId(String lookupId) {
        return find("lookupId", lookupId).firstResultOptional();
    }

    /** Whether a server admin token that works exists (none revoked or expired counts). */
    public boolean anyLiveAdmin() {
        return count(
                        "scope = ?1 and projectId is null and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                        Scope.ADMIN.wire(),
                        Instant.now())
                > 0;
    }

    /** The server admin tokens that work, locked until the transaction ends: revocations of them queue. */
    public List<Token> lockLiveAdmins() {
        return find(
                        "scope = ?1 and projectId is null and revokedAt is null and (expiresAt is null or expiresAt > ?2)"
                                + " order by id",
                        Scope.ADMIN.wire(),
                        Instant.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<Token> ofProject(long projectId) {
        return list("projectId = ?1 order by id", projectId);
    }

    public List<Token> ofServer() {
        return list("projectId is null order by id");
    }

    /** A token of this project, or of the server when {@code projectId} is null. */
    public Optional<Token> find(Long projectId, long id) {
        return projectId == null
                ? find("id = ?1 and projectId is null", id).firstResultOptional()
                : find("id = ?1 and projectId = ?2", id, projectId).firstResultOptional();
    }

    /** Writes "last used" for these tokens, unless it was written in the last minute (by any instance). */
    public int touch(List<Long> ids) {
        return getEntityManager()
                .createNativeQuery("update tokens set last_used_at = now() where id = any(cast(:ids as bigint[]))"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .setParameter(
                        "ids",
                        "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
                .executeUpdate();
    }
}
