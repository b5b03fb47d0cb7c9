package io.regtrack.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Records who changed what. Called by the service making the change, inside its transaction (none
 * is started here): a change that is rolled back leaves no entry. The actor is the caller's token
 * (name and id) or GitHub Actions job (repository and ref), never a secret.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditRepository entries;
    private final ObjectMapper json;

    AuditTrail(AuditRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /**
     * @param projectId the project changed, or null for a change to the server (its admin tokens)
     * @param subject   what was changed, as people name it: {@code token 17}, {@code alert 4}, {@code release v1.2.0}
     * @param detail    what the change was: a record or map, stored as JSON (null: nothing more)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long projectId, Caller caller, AuditAction action, String subject, Object detail) {
        String actor = caller.isAnonymous() ? "anonymous" : caller.tokenName();
        String repository = caller.github() == null ? null : caller.github().repository();
        String ref = caller.github() == null ? null : caller.github().ref();
        try {
            entries.insert(
                    projectId,
                    action.wire(),
                    subject,
                    new AuditRepository.Actor(actor, caller.tokenId(), repository, ref),
                    json.writeValueAsString(detail == null ? Map.of() : detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit detail could not be written as JSON", e);
        }
    }
}
