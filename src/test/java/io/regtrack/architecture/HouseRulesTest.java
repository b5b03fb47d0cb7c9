package io.regtrack.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md, checked on the sources so that they stay true. */
class HouseRulesTest {

    private static final Path ROOT = Path.of("src/main/java/io/regtrack");
    private static final Set<String> PURE =
            Set.of("verdict", "changepoint", "cargo", "git", "problem", "results", "imports");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    private static final Map<Path, String> SOURCES = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                SOURCES.put(file, Files.readString(file));
            }
        }
        assertThat(SOURCES).hasSizeGreaterThan(100);
    }

    private static String room(Path file) {
        return ROOT.relativize(file).getName(0).toString();
    }

    private static List<String> imports(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void pureRoomsUseNoFramework() {
        List<String> offences = new ArrayList<>();
        SOURCES.forEach((file, source) -> {
            if (PURE.contains(room(file))) {
                imports(source).stream()
                        .filter(i -> i.startsWith("jakarta.")
                                || i.startsWith("io.quarkus.")
                                || i.startsWith("org.hibernate.")
                                || i.startsWith("io.vertx."))
                        .forEach(i -> offences.add(file + " imports " + i));
            }
        });
        assertThat(offences).isEmpty();
    }

    @Test
    void resourcesMapHttpOnlyAndRepositoriesNeverAnswerHttp() {
        List<String> offences = new ArrayList<>();
        SOURCES.forEach((file, source) -> {
            String name = file.getFileName().toString();
            if (name.endsWith("Resource.java")) {
                if (source.contains("@Transactional")) {
                    offences.add(file + " opens a transaction");
                }
                imports(source).stream()
                        .filter(i -> i.endsWith("Repository"))
                        .forEach(i -> offences.add(file + " reads " + i));
                if (source.matches("(?s).*\\b\\w+Repository \\w+;.*")) {
                    offences.add(file + " holds a repository");
                }
            }
            if (name.endsWith("Repository.java") && source.contains("ProblemException")) {
                offences.add(file + " answers with an HTTP problem");
            }
        });
        assertThat(offences).isEmpty();
    }

    @Test
    void roomsImportEachOtherWithoutCycles() {
        Map<String, Set<String>> arrows = new HashMap<>();
        SOURCES.forEach((file, source) -> {
            String from = room(file);
            for (String i : imports(source)) {
                if (i.startsWith("io.regtrack.")) {
                    String to = i.substring("io.regtrack.".length()).split("\\.")[0];
                    if (!to.equals(from)) {
                        arrows.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                }
            }
        });
        for (String room : PURE) {
            assertThat(arrows.getOrDefault(room, Set.of()))
                    .as("a pure room imports only pure rooms: " + room)
                    .allMatch(PURE::contains);
        }
        List<String> cycles = new ArrayList<>();
        for (String start : arrows.keySet()) {
            if (reaches(arrows, start, start, new HashSet<>())) {
                cycles.add(start);
            }
        }
        assertThat(cycles).as("rooms on an import cycle").isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> arrows, String from, String target, Set<String> seen) {
        for (String next : arrows.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(arrows, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
