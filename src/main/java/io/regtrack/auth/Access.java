package io.regtrack.auth;

import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The authorization rules, asked by services. The caller is read from the request's
 * {@code Authorization: Bearer} header on first use. Without a token the answer is 401; with a
 * token that may not do the thing, 403.
 */
@RequestScoped
public class Access {

    /** What an admin of one project needs. */
    public static final String ADMIN_OF_PROJECT = "an admin token of this project";

    private final HttpHeaders headers;
    private final TokenService tokens;
    private Caller caller;

    Access(HttpHeaders headers, TokenService tokens) {
        this.headers = headers;
        this.tokens = tokens;
    }

    public Caller caller() {
        if (caller == null) {
            caller = bearer().map(tokens::authenticate).orElse(Caller.ANONYMOUS);
        }
        return caller;
    }

    /** An admin of the whole server: an admin token of no project. */
    public void requireAdmin() {
        if (!caller().isAdmin()) {
            throw deny("an admin token of the server");
        }
    }

    /** Any admin token, before the project is looked up: no one else learns whether it exists. */
    public void requireSomeAdmin() {
        if (caller().scope() != Scope.ADMIN) {
            throw deny("an admin token");
        }
    }

    /** An admin of the server or of this project. */
    public void requireAdminOf(long project) {
        if (!caller().administers(project)) {
            throw deny(ADMIN_OF_PROJECT);
        }
    }

    /** Any token that may change something somewhere: admin or ingest. */
    public void requireWriter() {
        Caller caller = caller();
        if (caller.scope() != Scope.ADMIN && caller.scope() != Scope.INGEST) {
            throw deny("an admin or ingest token");
        }
    }

    public void requireRead(long project, boolean isPublic) {
        if (!caller().canRead(project, isPublic)) {
            throw deny("a token of this project");
        }
    }

    public void requireIngest(long project, String repository) {
        Caller caller = caller();
        if (caller.canIngest(project, repository)) {
            return;
        }
        if (caller.github() != null) {
            throw ProblemException.forbidden("The GitHub Actions token is of repository "
                    + caller.github().repository()
                    + (repository == null
                            ? "; this project names no repository"
                            : "; this project's repository is " + GithubIdentity.ownerAndName(repository)));
        }
        throw deny("an ingest token of this project");
    }

    /** Marking a release: any ingest or admin token, or a GitHub Actions job of a tag or the default branch. */
    public void requireRelease(String defaultBranch) {
        GithubIdentity github = caller().github();
        if (github != null && !github.mayMarkReleases(defaultBranch)) {
            throw ProblemException.forbidden("A GitHub Actions job of " + github.ref()
                    + " may upload runs but not mark releases: only a tag's or " + defaultBranch + "'s job may");
        }
    }

    /** A project the caller may not see looks the same whether it exists or not. */
    public ProblemException unknownProject(String slug) {
        return unknownProject(slug, "a token of this project");
    }

    /** The same, saying what the refusal of an existing project would say was needed. */
    public ProblemException unknownProject(String slug, String needed) {
        return caller().isAdmin() ? ProblemException.notFound("No project '" + slug + "'") : deny(needed);
    }

    private ProblemException deny(String needed) {
        if (caller().isAnonymous()) {
            return ProblemException.unauthenticated("This needs " + needed + ": send Authorization: Bearer <token>");
        }
        return ProblemException.forbidden("This needs " + needed + "; the token given is not one");
    }

    private Optional<String> bearer() {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw ProblemException.unauthenticated("Use Authorization: Bearer <token>");
        }
        return Optional.of(parts[1]);
    }
}
