package io.regtrack.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "regtrack.server")
public interface ServerConfig {

    /** The address people reach this server at; links in comparisons and comments start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    default String link(String path) {
        return publicUrl().replaceAll("/+$", "") + path;
    }
}
