package io.regtrack.auth;

/**
 * Who is asking: anonymous, an admin, a token bound to one project with a scope, or a GitHub
 * Actions job (its OIDC identity), which may upload to the projects of its repository.
 */
public record Caller(Scope scope, Long projectId, String tokenName, GithubIdentity github) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null);

    public Caller(Scope scope, Long projectId, String tokenName) {
        this(scope, projectId, tokenName, null);
    }

    static Caller of(GithubIdentity github) {
        return new Caller(Scope.INGEST, null, "GitHub Actions " + github.repository() + " " + github.ref(), github);
    }

    public boolean isAnonymous() {
        return scope == null;
    }

    public boolean isAdmin() {
        return scope == Scope.ADMIN;
    }

    public boolean belongsTo(long project) {
        return projectId != null && projectId == project;
    }

    public boolean canRead(long project, boolean isPublic) {
        return isPublic || isAdmin() || belongsTo(project);
    }

    public boolean canIngest(long project, String repository) {
        return isAdmin()
                || (scope == Scope.INGEST && belongsTo(project))
                || (github != null && github.isOf(repository));
    }
}
