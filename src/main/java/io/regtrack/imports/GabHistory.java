package io.regtrack.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regtrack.git.Sha;
import io.regtrack.results.Measure;
import io.regtrack.results.Node;
import io.regtrack.results.ResultException;
import io.regtrack.results.ResultFormats;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * github-action-benchmark's history, the {@code data.js} it keeps on its pages branch ({@code dev/bench/data.js}):
 * {@code window.BENCHMARK_DATA = {"lastUpdate", "repoUrl", "entries": {"<suite>": [entry, ...]}}}, an entry being
 * {@code {"commit": {"id", "message", "timestamp", "url", "author": {"name", "username"}, ...}, "date": <ms>, "tool",
 * "benches": [{"name", "value", "unit", "range"?, "extra"?}]}}.
 *
 * <p>Each entry is one run of its commit, its benchmarks named {@code <suite>/<bench name>}, so suites stay apart and
 * each (suite, commit) has one idempotency key. The benches are read by the {@code gab} result adapter: {@code tool}
 * gives the direction as the action itself decides it ({@code benchmarkjs}, {@code pytest} and {@code
 * customBiggerIsBetter} are bigger-is-better, every other tool smaller-is-better), and time units ({@code ns/iter} of
 * {@code cargo}, {@code ns/op} of {@code go}) become runtimes in seconds. The action's {@code go} extractor writes the
 * rest of the benchmark line after the first unit ({@code "ns/op\t  10872 B/op\t  90 allocs/op"}): the unit is its
 * first word.
 *
 * <p>Left out, with a reason: an entry whose commit id is no full SHA, a later entry for a commit the suite already has
 * (the action appends one per workflow run, also for a commit measured again; the oldest is kept, so the file growing
 * does not change what an import stores), and a second bench of the same name in one entry.
 */
final class GabHistory {

    /** The tools github-action-benchmark treats as bigger-is-better ({@code src/write/biggerIsBetter.ts}). */
    private static final Set<String> BIGGER = Set.of("benchmarkjs", "pytest", "customBiggerIsBetter");

    private record Entry(long date, int order, ImportedRun run) {}

    private GabHistory() {}

    static History read(Node root) {
        List<Map.Entry<String, Node>> suites = root.get("entries").fields();
        List<Skipped> skipped = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (var suite : suites) {
            String name = JsonText.checked(suite.getValue(), suite.getKey());
            if (name.isBlank()) {
                throw suite.getValue().fail("a suite's name must not be blank");
            }
            for (Node entry : suite.getValue().items()) {
                Entry read = entry(name, entry, entries.size(), skipped);
                if (read != null) {
                    entries.add(read);
                }
            }
        }
        if (entries.isEmpty() && skipped.isEmpty()) {
            throw root.get("entries").fail("no entries");
        }
        entries.sort(Comparator.comparingLong(Entry::date).thenComparingInt(Entry::order));
        Map<String, String> first = new HashMap<>();
        List<ImportedRun> runs = new ArrayList<>();
        for (Entry e : entries) {
            String earlier = first.putIfAbsent(e.run().key(), e.run().place());
            if (earlier == null) {
                runs.add(e.run());
            } else {
                skipped.add(new Skipped(
                        e.run().place(),
                        "commit " + e.run().commit() + " was measured again; the suite's first entry for it (" + earlier
                                + ") is imported"));
            }
        }
        return new History(runs, skipped);
    }

    /** One entry as a run; null, with a reason, when its commit cannot be stored. Malformed entries fail. */
    private static Entry entry(String suite, Node entry, int order, List<Skipped> skipped) {
        Node commit = entry.get("commit");
        String id = JsonText.text(commit.get("id"));
        long date = (long) entry.get("date").number();
        String tool = entry.get("tool").string();
        List<Measure> measures = measures(suite, BIGGER.contains(tool), entry.get("benches"), skipped);
        OffsetDateTime committedAt = commit.find("timestamp")
                .map(GabHistory::time)
                .orElseGet(() -> OffsetDateTime.ofInstant(Instant.ofEpochMilli(date), ZoneOffset.UTC));
        String message = commit.find("message").map(JsonText::text).orElse(null);
        String author = commit.find("author").flatMap(GabHistory::author).orElse(null);
        if (!Sha.isValid(id)) {
            skipped.add(new Skipped(
                    commit.get("id").place(),
                    "commit id \"" + ResultException.echo(id) + "\" is not a full commit SHA (40 or 64 hexadecimal "
                            + "digits), so the entry has no commit to be stored under"));
            return null;
        }
        String place = entry.place();
        String key = Imports.key("gab", suite, id.toLowerCase(Locale.ROOT));
        return new Entry(date, order, new ImportedRun(place, key, id, null, committedAt, message, author, measures));
    }

    /** The benches of an entry, each read by the gab adapter, named {@code suite/name}. */
    private static List<Measure> measures(String suite, boolean bigger, Node benches, List<Skipped> skipped) {
        Set<String> names = new HashSet<>();
        List<Measure> measures = new ArrayList<>();
        for (Node bench : benches.nonEmptyItems()) {
            String name = bench.get("name").name();
            if (!names.add(name)) {
                skipped.add(new Skipped(
                        bench.place(),
                        "a second bench named \"" + ResultException.echo(name) + "\" in this entry; the first is "
                                + "imported"));
                continue;
            }
            Measure m = read(bench, bigger);
            measures.add(new Measure(
                    m.kind(),
                    suite + "/" + JsonText.checked(bench.get("name"), m.name()),
                    m.unit(),
                    m.value(),
                    m.samples(),
                    m.parts()));
        }
        return measures;
    }

    /** One bench through the gab adapter, its errors placed in the file. */
    private static Measure read(Node bench, boolean bigger) {
        ObjectNode one = bench.json().deepCopy();
        bench.find("unit").filter(Node::isText).ifPresent(unit -> {
            String[] words = unit.string().strip().split("\\s+", 2);
            one.put("unit", words[0]);
        });
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("direction", bigger ? "bigger" : "smaller");
        content.putArray("benchmarks").add(one);
        try {
            return ResultFormats.parse("gab", null, content).get(0);
        } catch (ResultException e) {
            String inner = "/benchmarks/0";
            String rest = e.place().startsWith(inner) ? e.place().substring(inner.length()) : "";
            throw new ResultException(bench.place() + rest, e.getMessage());
        }
    }

    private static OffsetDateTime time(Node timestamp) {
        try {
            return OffsetDateTime.parse(timestamp.string());
        } catch (DateTimeParseException e) {
            throw timestamp.fail("expected a time such as 2022-06-03T23:16:14+09:00");
        }
    }

    private static Optional<String> author(Node author) {
        return author.find("name")
                .or(() -> author.find("username"))
                .map(JsonText::text)
                .filter(name -> !name.isBlank());
    }
}
