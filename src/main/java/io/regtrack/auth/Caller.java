package io.regtrack.auth;

import io.regtrack.project.Project;

/** Who is asking: anonymous, an admin, or a token bound to one project with a scope. */
public record Caller(Scope scope, Long projectId, String tokenName) {

    public static final Caller ANONYMOUS = new Caller(null, null, null);

    public boolean isAnonymous() {
        return scope == null;
    }

    public boolean isAdmin() {
        return scope == Scope.ADMIN;
    }

    public boolean belongsTo(Project project) {
        return projectId != null && projectId.equals(project.id);
    }

    public boolean canRead(Project project) {
        return project.isPublic || isAdmin() || belongsTo(project);
    }

    public boolean canIngest(Project project) {
        return isAdmin() || (scope == Scope.INGEST && belongsTo(project));
    }
}
