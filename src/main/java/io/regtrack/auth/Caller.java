package io.regtrack.auth;

/** Who is asking: anonymous, an admin, or a token bound to one project with a scope. */
public record Caller(Scope scope, Long projectId, String tokenName) {

    public static final Caller ANONYMOUS = new Caller(null, null, null);

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

    public boolean canIngest(long project) {
        return isAdmin() || (scope == Scope.INGEST && belongsTo(project));
    }
}
