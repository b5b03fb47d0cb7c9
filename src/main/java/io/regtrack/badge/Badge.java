package io.regtrack.badge;

import java.util.Locale;

/**
 * A status badge as READMEs show them: a grey label and a coloured message, drawn as SVG with the
 * text escaped. Widths follow the proportions of an 11 px sans-serif face. Pure: no framework.
 */
public record Badge(String label, String message, String colour) {

    public static final String RED = "#e05d44";
    public static final String GREEN = "#44cc11";
    public static final String BLUE = "#007ec6";
    public static final String YELLOW = "#dfb317";
    public static final String GREY = "#9f9f9f";

    /** The colour of a verdict or run status: red for a regression, green for an improvement. */
    public static String colourOf(String status) {
        if (status == null) {
            return GREY;
        }
        return switch (status) {
            case "regressed" -> RED;
            case "improved" -> GREEN;
            case "unchanged" -> BLUE;
            case "noisy" -> YELLOW;
            default -> GREY;
        };
    }

    public String svg() {
        int left = width(label) + 10;
        int right = width(message) + 10;
        int total = left + right;
        String title = escape(label + ": " + message);
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"20\" role=\"img\" aria-label=\"%s\">"
                        + "<title>%s</title>"
                        + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                        + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                        + "<clipPath id=\"r\"><rect width=\"%d\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                        + "<g clip-path=\"url(#r)\"><rect width=\"%d\" height=\"20\" fill=\"#555\"/>"
                        + "<rect x=\"%d\" width=\"%d\" height=\"20\" fill=\"%s\"/>"
                        + "<rect width=\"%d\" height=\"20\" fill=\"url(#s)\"/></g>"
                        + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\""
                        + " font-size=\"11\">"
                        + "<text x=\"%.1f\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">%s</text>"
                        + "<text x=\"%.1f\" y=\"14\">%s</text>"
                        + "<text x=\"%.1f\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">%s</text>"
                        + "<text x=\"%.1f\" y=\"14\">%s</text></g></svg>",
                total,
                title,
                title,
                total,
                left,
                left,
                right,
                escape(colour),
                total,
                left / 2.0,
                escape(label),
                left / 2.0,
                escape(label),
                left + right / 2.0,
                escape(message),
                left + right / 2.0,
                escape(message));
    }

    /** About how wide a text is at 11 px: narrow letters, wide capitals, everything else in between. */
    static int width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("il.,:;|!'()[]".indexOf(c) >= 0 || c == ' ') {
                width += 3.5;
            } else if (Character.isUpperCase(c) || "mwMW%@".indexOf(c) >= 0) {
                width += 9;
            } else {
                width += 7;
            }
        }
        return (int) Math.ceil(width);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c); // control characters are not allowed in XML; they are left out
                    }
                }
            }
        }
        return out.toString();
    }
}
