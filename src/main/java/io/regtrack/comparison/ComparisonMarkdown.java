package io.regtrack.comparison;

import io.regtrack.verdict.Judgement;
import io.regtrack.verdict.Verdict;
import io.regtrack.verdict.VerdictStatus;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The comparison as GitHub-flavoured Markdown, for a job summary or a pull-request comment: a
 * headline, what changed in the environment, then the table with regressions first and the
 * unchanged rows folded away. Every name is escaped, so it shows as text.
 */
final class ComparisonMarkdown {

    static final int MAX_ROWS = 100;
    private static final char BREAK = '\u200b'; // zero-width space

    private ComparisonMarkdown() {}

    static String render(Comparison.Subject run, Judgement c) {
        StringBuilder md = new StringBuilder();
        md.append("### regtrack: ").append(headline(c)).append("\n\n");
        md.append('`')
                .append(run.commit(), 0, Math.min(10, run.commit().length()))
                .append("` on ")
                .append(text(run.branch()));
        if (c.baseline() == null) {
            md.append(". There is no release to compare with yet, so these numbers start the history. ")
                    .append("Tag a release (for example `v1.0.0`) to judge later runs against it.\n\n");
        } else {
            md.append(", compared with ").append(baseline(c.baseline())).append(".\n\n");
        }
        changes(md, "Profile", c.profileChanges());
        changes(md, "Toolchain", c.toolchainChanges());
        changes(md, "Runner", c.runnerChanges());
        for (String warning : c.warnings()) {
            md.append("> ⚠️ ").append(text(warning)).append("\n\n");
        }
        List<Verdict> shown = c.verdicts().stream()
                .filter(v -> v.status() != VerdictStatus.UNCHANGED)
                .toList();
        List<Verdict> folded = c.verdicts().stream()
                .filter(v -> v.status() == VerdictStatus.UNCHANGED)
                .toList();
        if (!shown.isEmpty() || folded.isEmpty()) {
            table(md, shown);
        }
        if (!folded.isEmpty()) {
            md.append("<details><summary>").append(folded.size()).append(" unchanged</summary>\n\n");
            table(md, folded);
            md.append("</details>\n\n");
        }
        md.append("[Run ").append(run.runId()).append("](").append(run.url()).append(")\n");
        return md.toString();
    }

    private static String headline(Judgement c) {
        if (c.baseline() == null) {
            return "no baseline yet";
        }
        String against = " against "
                + (c.baseline().tag() != null
                        ? text(c.baseline().tag())
                        : "run " + c.baseline().runId());
        long regressed = count(c, v -> v.status() == VerdictStatus.REGRESSED);
        long noisy = count(c, v -> v.status() == VerdictStatus.NOISY);
        long improved = count(c, v -> v.status() == VerdictStatus.IMPROVED);
        if (regressed > 0) {
            return "🔴 " + regressed + (regressed == 1 ? " regression" : " regressions") + against;
        }
        if (noisy > 0) {
            return "🟡 " + noisy + " too noisy to call" + against;
        }
        if (improved > 0) {
            return "🟢 " + improved + " improved, no regressions" + against;
        }
        return "✅ no significant change" + against;
    }

    private static String baseline(Judgement.BaselineRef b) {
        String commit = "`" + b.commit().substring(0, Math.min(10, b.commit().length())) + "`";
        return b.tag() != null
                ? "release **" + text(b.tag()) + "** (" + commit + ", run " + b.runId() + ")"
                : "run " + b.runId() + " (" + commit + ")";
    }

    private static void changes(StringBuilder md, String label, List<Judgement.SettingChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("**")
                .append(label)
                .append(" changed:** ")
                .append(changes.stream()
                        .map(ch -> "`" + code(ch.setting() + ": " + ch.baseline() + " → " + ch.current()) + "`")
                        .collect(Collectors.joining(", ")))
                .append("\n\n");
    }

    private static void table(StringBuilder md, List<Verdict> rows) {
        md.append("| Status | Kind | Name | Baseline | Current | Δ | Δ % | Why |\n");
        md.append("|---|---|---|--:|--:|--:|--:|---|\n");
        rows.stream()
                .limit(MAX_ROWS)
                .forEach(v -> md.append("| ")
                        .append(badge(v.status()))
                        .append(" | ")
                        .append(text(v.kind()))
                        .append(" | ")
                        .append(text(v.name()))
                        .append(" | ")
                        .append(text(v.shown().baseline()))
                        .append(" | ")
                        .append(text(v.shown().current()))
                        .append(" | ")
                        .append(text(v.shown().delta()))
                        .append(" | ")
                        .append(text(v.shown().deltaPercent()))
                        .append(" | ")
                        .append(text(v.why()))
                        .append(" |\n"));
        if (rows.size() > MAX_ROWS) {
            md.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more on the run page.\n");
        }
        md.append('\n');
    }

    private static String badge(VerdictStatus status) {
        return switch (status) {
            case REGRESSED -> "🔴 regressed";
            case IMPROVED -> "🟢 improved";
            case NOISY -> "🟡 noisy";
            case NEW -> "🆕 new";
            case MISSING -> "⚪ missing";
            case UNCHANGED -> "unchanged";
        };
    }

    private static long count(Judgement c, Predicate<Verdict> which) {
        return c.verdicts().stream().filter(which).count();
    }

    /** Text inside a code span: backticks cannot end it early, bars cannot split the table. */
    static String code(String raw) {
        return raw.replace('`', '\'').replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Uploaded text as Markdown that GitHub shows literally: no HTML, images or links, no table
     * breaks, and nothing GitHub turns into a notification or a cross-reference. A zero-width space
     * after {@code @} and {@code #} and inside {@code ://} and {@code www.} keeps mentions, issue
     * references and bare links from being recognised while the text reads the same.
     */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '@' -> out.append('@').append(BREAK);
                case '#' -> out.append("\\#").append(BREAK);
                case ':' -> out.append(raw.startsWith("//", i + 1) ? ":" + BREAK : ":");
                case '.' -> out.append(i >= 3 && raw.regionMatches(true, i - 3, "www", 0, 3) ? BREAK + "." : ".");
                case '\\', '`', '*', '_', '[', ']', '|', '!', '~' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
