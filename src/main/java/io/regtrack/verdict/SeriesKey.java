package io.regtrack.verdict;

/**
 * Which series of a build a measurement belongs to: its kind and name. With the branch and the
 * build ({@code run.BuildKey}: target and profile) it names one series of a project.
 */
public record SeriesKey(String kind, String name) {}
