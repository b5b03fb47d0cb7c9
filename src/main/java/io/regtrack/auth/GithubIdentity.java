package io.regtrack.auth;

import java.util.Locale;

/**
 * What a verified GitHub Actions token says about the job: its repository ({@code owner/name}) and
 * the ref it runs for. Pure.
 */
public record GithubIdentity(String repository, String ref, String refType) {

    /** Whether the job may upload to a project of this repository (a URL or {@code owner/name}). */
    public boolean isOf(String projectRepository) {
        return projectRepository != null && repository.equalsIgnoreCase(ownerAndName(projectRepository));
    }

    /** Tags and the default branch may mark releases; a pull request's or another branch's job may not. */
    public boolean mayMarkReleases(String defaultBranch) {
        return "tag".equals(refType) || ("refs/heads/" + defaultBranch).equals(ref);
    }

    /** {@code owner/name} of {@code https://github.com/owner/name(.git)}, {@code git@github.com:owner/name} or itself. */
    static String ownerAndName(String repository) {
        String r = repository.trim();
        r = r.replaceFirst("(?i)^(https?://[^/]+/|git@[^:]+:|ssh://git@[^/]+/)", "");
        r = r.replaceFirst("(?i)\\.git$", "").replaceFirst("/+$", "");
        return r.toLowerCase(Locale.ROOT);
    }
}
