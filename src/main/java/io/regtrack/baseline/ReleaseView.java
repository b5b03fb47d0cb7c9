package io.regtrack.baseline;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A release; `committedAt` is null until a run of its commit is uploaded")
public record ReleaseView(String tag, String commit, Instant committedAt, Instant createdAt, boolean pinned) {

    static ReleaseView of(Release r, Long pinnedId) {
        return new ReleaseView(r.tag, r.commitSha, r.committedAt, r.createdAt, r.id.equals(pinnedId));
    }
}
