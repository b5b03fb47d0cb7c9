package io.regtrack.verdict;

import java.util.List;

/** The comparison as GitHub-flavoured Markdown, for a job summary or a pull-request comment. */
final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    static String withoutBaseline(long runId, String commit, String branch, List<Measured> measured, String url) {
        StringBuilder md = new StringBuilder();
        md.append("### regtrack: no baseline yet for `").append(commit, 0, Math.min(10, commit.length()))
                .append("` on ").append(text(branch)).append("\n\n");
        md.append("There is no release to compare with yet, so these numbers start the history. ")
                .append("Tag a release (for example `v1.0.0`) to judge later runs against it.\n\n");
        md.append("| | Kind | Name | Current |\n|---|---|---|---|\n");
        for (Measured m : measured) {
            String current = Units.format(m.center(), m.unit());
            if (m.sampleCount() > 1) {
                current += " (median of " + m.sampleCount() + ")";
            }
            md.append("| 🆕 new | ").append(text(m.kind())).append(" | ").append(text(m.name())).append(" | ")
                    .append(current).append(" |\n");
        }
        md.append("\n[Run ").append(runId).append("](").append(url).append(")\n");
        return md.toString();
    }

    /** Text that Markdown and GitHub's HTML sanitizer show literally. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
