package io.regtrack.webhook;

import java.util.Map;

/**
 * A piece of a project's news as webhooks receive it: its event, its data (the API's own shapes)
 * and one line of text for chat formats. Pure.
 */
record News(String event, String project, Map<String, Object> data, String text) {

    static final String ALERT_OPENED = "alert.opened";
    static final String ALERT_FIXED = "alert.fixed";
    static final String SUMMARY_OPENED = "alert-summary.opened";
    static final String RUN_REGRESSED = "run.regressed";
    static final String RELEASE_CREATED = "release.created";

    static final java.util.Set<String> EVENTS =
            java.util.Set.of(ALERT_OPENED, ALERT_FIXED, SUMMARY_OPENED, RUN_REGRESSED, RELEASE_CREATED);

    static String shortSha(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(10, sha.length()));
    }
}
