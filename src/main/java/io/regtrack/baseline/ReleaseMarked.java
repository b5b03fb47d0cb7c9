package io.regtrack.baseline;

import io.regtrack.project.Project;

/** A release marked (by a tagged upload or through the API), told inside the transaction that stores it. */
public record ReleaseMarked(Project project, ReleaseView release) {}
