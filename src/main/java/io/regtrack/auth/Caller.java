package io.regtrack.auth;

/**
 * Who is asking: anonymous, a token with a scope, or a GitHub Actions job (its OIDC identity), which
 * may upload to the projects of its repository. An admin token of no project administers the whole
 * server; an admin token bound to a project administers that project only. {@code tokenId} is the
 * stored token's id (null for the configured admin token and for GitHub Actions jobs).
 */
public record Caller(Long tokenId, Scope scope, Long projectId, String tokenName, GithubIdentity github) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, null);

    static Caller of(GithubIdentity github) {
        return new Caller(
                null, Scope.INGEST, null, "GitHub Actions " + github.repository() + " " + github.ref(), github);
    }

    public boolean isAnonymous() {
        return scope == null;
    }

    /** An admin of the whole server: an admin token of no project. */
    public boolean isAdmin() {
        return scope == Scope.ADMIN && projectId == null;
    }

    /** An admin of the server, or an admin token of this project. */
    public boolean administers(long project) {
        return isAdmin() || (scope == Scope.ADMIN && belongsTo(project));
    }

    public boolean belongsTo(long project) {
        return projectId != null && projectId == project;
    }

    public boolean canRead(long project, boolean isPublic) {
        return isPublic || isAdmin() || belongsTo(project);
    }

    public boolean canIngest(long project, String repository) {
        return isAdmin()
                || ((scope == Scope.INGEST || scope == Scope.ADMIN) && belongsTo(project))
                || (github != null && github.isOf(repository));
    }
}
