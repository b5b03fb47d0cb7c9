package io.regtrack.token;

import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.auth.Scope;
import io.regtrack.auth.Token;
import io.regtrack.auth.TokenRepository;
import io.regtrack.auth.TokenService;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Tokens from issue to revocation, for the admins of a project and of the server; each issue and
 * revocation is in the audit trail. A revocation applies to the next request on every instance (a
 * token's row is read on each request). The last admin token of the server that works cannot be
 * revoked, so that an operator can always get in.
 */
@ApplicationScoped
public class TokenLifecycle {

    /** What the audit trail keeps of an issued or revoked token. */
    record Detail(String name, Scope scope, Instant expiresAt) {}

    private final ProjectService projects;
    private final TokenService tokens;
    private final TokenRepository stored;
    private final Access access;
    private final InputCheck input;
    private final AuditTrail audit;

    TokenLifecycle(
            ProjectService projects,
            TokenService tokens,
            TokenRepository stored,
            Access access,
            InputCheck input,
            AuditTrail audit) {
        this.projects = projects;
        this.tokens = tokens;
        this.stored = stored;
        this.access = access;
        this.input = input;
        this.audit = audit;
    }

    @Transactional
    public IssuedToken issue(String slug, NewToken body) {
        Project project = projects.administrable(slug);
        NewToken request = input.valid(body);
        return issue(project, request.name().strip(), Scope.fromWire(request.scope()), future(request.expiresAt()));
    }

    @Transactional
    public List<TokenView> list(String slug) {
        Project project = projects.administrable(slug);
        Instant now = Instant.now();
        return stored.ofProject(project.id).stream()
                .map(t -> TokenView.of(t, project.slug, now))
                .toList();
    }

    /** Idempotent: a token revoked before stays revoked at its first time. */
    @Transactional
    public void revoke(String slug, long id) {
        Project project = projects.administrable(slug);
        Token token = stored.find(project.id, id)
                .orElseThrow(() -> ProblemException.notFound("No token " + id + " in project '" + slug + "'"));
        revoke(project.id, token);
    }

    @Transactional
    public IssuedToken issueServer(NewServerToken body) {
        access.requireAdmin();
        NewServerToken request = input.valid(body);
        return issue(null, request.name().strip(), Scope.ADMIN, future(request.expiresAt()));
    }

    @Transactional
    public List<TokenView> listServer() {
        access.requireAdmin();
        Instant now = Instant.now();
        return stored.ofServer().stream().map(t -> TokenView.of(t, null, now)).toList();
    }

    @Transactional
    public void revokeServer(long id) {
        access.requireAdmin();
        List<Token> live = stored.lockLiveAdmins(); // two revocations at once cannot both pass the check below
        Token token = stored.find(null, id)
                .orElseThrow(() -> ProblemException.notFound("No admin token " + id + " of the server"));
        boolean lastOne = live.size() == 1 && live.get(0).id.equals(token.id);
        if (lastOne && !tokens.hasConfiguredAdmin()) {
            throw ProblemException.conflict("Token " + id + " is the last admin token of the server that works: "
                    + "issue another one (POST /api/v1/tokens) before revoking it");
        }
        revoke(null, token);
    }

    private IssuedToken issue(Project project, String name, Scope scope, Instant expiresAt) {
        Long projectId = project == null ? null : project.id;
        TokenService.Issued issued = tokens.issue(projectId, name, scope, expiresAt);
        long id = issued.token().id;
        audit.record(
                projectId,
                access.caller(),
                AuditAction.TOKEN_ISSUED,
                "token " + id,
                new Detail(name, scope, expiresAt));
        return new IssuedToken(id, issued.text(), name, scope, project == null ? null : project.slug, expiresAt);
    }

    private void revoke(Long projectId, Token token) {
        if (token.revokedAt != null) {
            return;
        }
        token.revokedAt = Instant.now();
        audit.record(
                projectId,
                access.caller(),
                AuditAction.TOKEN_REVOKED,
                "token " + token.id,
                new Detail(token.name, token.scope(), token.expiresAt));
    }

    private static Instant future(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        return expiresAt;
    }
}
