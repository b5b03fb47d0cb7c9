package io.regtrack.project;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "regtrack.project")
public interface ProjectConfig {

    /**
     * How long an upload may use a project's settings (default branch, release pattern, thresholds,
     * pinned release) read by an earlier upload ({@code REGTRACK_PROJECT_SETTINGS_TTL}, default 2 s;
     * 0 reads them every time). A change made through this instance applies at once; one made through
     * another instance on the same database, within this time.
     */
    @WithDefault("2S")
    Duration settingsTtl();
}
