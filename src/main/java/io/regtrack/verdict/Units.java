package io.regtrack.verdict;

import java.util.Locale;

/** Numbers as people read them: sizes in KiB/MiB with the exact bytes, times in ns/µs/ms/s. */
public final class Units {

    private Units() {}

    public static String format(double value, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(value);
            case "seconds" -> seconds(value);
            case Kinds.COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            default -> plain(value) + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    /** A difference with its sign: {@code +14.5 KiB (+14,896 B)}, {@code -0.12 ms}. */
    public static String signed(double delta, String unit) {
        String sign = delta > 0 ? "+" : delta < 0 ? "-" : "±";
        String shown = format(Math.abs(delta), unit);
        return sign + shown.replace("(", "(" + sign);
    }

    public static String percent(Double percent) {
        if (percent == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%+.2f %%", percent);
    }

    /** Short, for a badge: sizes in KiB/MiB without the exact bytes; other units as {@link #format}. */
    public static String approximate(double value, String unit) {
        return "bytes".equals(unit) ? binary(value) : format(value, unit);
    }

    static String bytes(double value) {
        String grouped = String.format(Locale.ROOT, "%,d B", (long) value);
        return Math.abs(value) < 1024 ? grouped : binary(value) + " (" + grouped + ")";
    }

    private static String binary(double value) {
        if (Math.abs(value) < 1024) {
            return String.format(Locale.ROOT, "%,d B", (long) value);
        }
        return Math.abs(value) < 1024 * 1024
                ? String.format(Locale.ROOT, "%.1f KiB", value / 1024)
                : String.format(Locale.ROOT, "%.2f MiB", value / (1024 * 1024));
    }

    static String seconds(double value) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0 s";
        }
        if (abs < 1e-6) {
            return String.format(Locale.ROOT, "%.1f ns", value * 1e9);
        }
        if (abs < 1e-3) {
            return String.format(Locale.ROOT, "%.2f µs", value * 1e6);
        }
        if (abs < 1) {
            return String.format(Locale.ROOT, "%.2f ms", value * 1e3);
        }
        return String.format(Locale.ROOT, "%.3f s", value);
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
