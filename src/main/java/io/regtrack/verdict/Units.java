package io.regtrack.verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as people read them: sizes in KiB/MiB with the exact bytes, times in ns/µs/ms/s. */
public final class Units {

    private Units() {}

    public static String format(double value, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(value);
            case "seconds" -> seconds(value);
            case Kinds.COUNT -> grouped(Math.round(value));
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
        if (!Double.isFinite(percent)) {
            return String.format(Locale.ROOT, "%+.2f %%", percent);
        }
        return (percent >= 0 ? "+" : "-") + fixed(Math.abs(percent), 2) + " %";
    }

    /** Short, for a badge: sizes in KiB/MiB without the exact bytes; other units as {@link #format}. */
    public static String approximate(double value, String unit) {
        return "bytes".equals(unit) ? binary(value) : format(value, unit);
    }

    static String bytes(double value) {
        String grouped = grouped((long) value) + " B";
        return Math.abs(value) < 1024 ? grouped : binary(value) + " (" + grouped + ")";
    }

    private static String binary(double value) {
        if (Math.abs(value) < 1024) {
            return grouped((long) value) + " B";
        }
        return Math.abs(value) < 1024 * 1024
                ? fixed(value / 1024, 1) + " KiB"
                : fixed(value / (1024 * 1024), 2) + " MiB";
    }

    static String seconds(double value) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0 s";
        }
        if (abs < 1e-6) {
            return fixed(value * 1e9, 1) + " ns";
        }
        if (abs < 1e-3) {
            return fixed(value * 1e6, 2) + " µs";
        }
        if (abs < 1) {
            return fixed(value * 1e3, 2) + " ms";
        }
        return fixed(value, 3) + " s";
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return grouped((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /**
     * {@code value} with {@code decimals} digits, rounded half up from its shortest decimal form, as
     * {@code %.Nf} writes it; without {@link java.util.Formatter}, which an upload's answer would
     * otherwise call a few hundred times.
     */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String text = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        return value < 0 && !text.startsWith("-") ? "-" + text : text;
    }

    /** A whole number with a comma between thousands, as {@code %,d} writes it. */
    static String grouped(long value) {
        String digits = Long.toString(value);
        int start = value < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
