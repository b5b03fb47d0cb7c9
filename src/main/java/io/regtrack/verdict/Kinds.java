package io.regtrack.verdict;

/**
 * What a kind of measurement is. Exact kinds (sizes, instruction and other event counts) are
 * deterministic: any difference is real, a threshold decides whether it fails. Every other kind
 * is noisy and judged by statistics. For most kinds larger is worse; for {@code throughput} larger
 * is better, and every judgement, alert and chart honours that.
 */
public final class Kinds {

    public static final String SIZE = "size";
    public static final String RUNTIME = "runtime";
    public static final String INSTRUCTIONS = "instructions";
    public static final String THROUGHPUT = "throughput";
    public static final String COUNT = "count";

    private Kinds() {}

    /** Sizes, instruction counts, and any kind counted in {@code count}. */
    public static boolean exact(String kind, String unit) {
        return SIZE.equals(kind) || INSTRUCTIONS.equals(kind) || COUNT.equals(unit);
    }

    public static boolean biggerIsBetter(String kind) {
        return THROUGHPUT.equals(kind);
    }

    /** Whether moving from {@code before} to {@code after} makes this kind worse. */
    public static boolean worse(String kind, double before, double after) {
        return biggerIsBetter(kind) ? after < before : after > before;
    }
}
