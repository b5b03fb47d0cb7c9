package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text {@code cargo bench} prints for libtest's {@code #[bench]} functions:
 *
 * <pre>
 * test bench_fib_10     ... bench:         123 ns/iter (+/- 4)
 * test parse::small     ... bench:    1,234.56 ns/iter (+/- 12.34)
 * test parse::bytes     ... bench:       5,000 ns/iter (+/- 100) = 204 MB/s
 * </pre>
 *
 * <p>Each bench line gives a {@code runtime} value in seconds named by the test's path; {@code = N MB/s} (printed when
 * the bench sets {@code b.bytes}) adds a {@code throughput} measure in {@code MB/s}. Other lines ({@code running 3
 * tests}, {@code test foo ... ignored}, {@code test result: ok}) are skipped; a line that says {@code bench:} but
 * cannot be read is an error, and so is output without any bench line.
 */
final class LibtestFormat {

    private static final String TEST = "test ";
    private static final String BENCH = " ... bench:";
    private static final String NUMBER = "([0-9][0-9,]*+(?:\\.[0-9]++)?)";
    /** What follows {@code bench:}; possessive, so even a line of a megabyte is read in linear time. */
    private static final Pattern SAMPLES = Pattern.compile(
            NUMBER + "\\s++ns/iter\\s++\\(\\+/-\\s++" + NUMBER + "\\)(?:\\s++=\\s++" + NUMBER + "\\s++MB/s)?");

    private LibtestFormat() {}

    static List<Parsed> read(String text) {
        List<Parsed> found = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int bench = line.indexOf(BENCH);
            if (!line.startsWith(TEST) || bench < 0) {
                continue; // running 3 tests, test foo ... ignored, test result: ok, compiler output
            }
            String place = "line " + (i + 1);
            String name = line.substring(TEST.length(), bench).strip();
            Matcher m = SAMPLES.matcher(line.substring(bench + BENCH.length()).strip());
            if (name.isEmpty() || !m.matches()) {
                throw new ResultException(place, "cannot read this bench line: " + ResultException.echo(line));
            }
            found.add(Parsed.value(place, "runtime", name, "seconds", Seconds.fromNanos(number(m.group(1)))));
            if (m.group(3) != null) {
                found.add(Parsed.value(place, "throughput", name, "MB/s", number(m.group(3))));
            }
        }
        if (found.isEmpty()) {
            throw new ResultException(
                    "", "no benchmark lines (expected lines like \"test name ... bench: 123 ns/iter\")");
        }
        return found;
    }

    private static double number(String digits) {
        return Double.parseDouble(digits.replace(",", ""));
    }
}
