package io.regtrack.verdict;

import java.util.List;

/**
 * The judgement of one measurement against its baseline. {@code status} is one of
 * {@code regressed}, {@code improved}, {@code unchanged}, {@code noisy}, {@code new}, {@code missing}.
 */
public record Verdict(
        String kind,
        String name,
        String unit,
        Double baseline,
        Double current,
        Double delta,
        Double deltaPercent,
        String status,
        String test,
        Double pValue,
        List<String> explanations) {}
