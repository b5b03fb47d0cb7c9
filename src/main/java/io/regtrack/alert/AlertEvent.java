package io.regtrack.alert;

import io.regtrack.project.Project;

/**
 * An alert opened or fixed, told (as a CDI event) inside the transaction that stores it, so that
 * what follows from it (webhook deliveries) is committed with it or not at all.
 */
public record AlertEvent(String event, Project project, AlertView alert) {

    public static final String OPENED = "alert.opened";
    public static final String FIXED = "alert.fixed";
}
