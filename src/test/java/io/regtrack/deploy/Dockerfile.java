package io.regtrack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The instructions of a Dockerfile: comments dropped, continued lines joined, as Docker reads it. */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String full = current.toString().strip();
            current.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            String[] parts = full.split("\\s+", 2);
            if (!parts[0].matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("not an instruction: " + full);
            }
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("the last instruction is continued past the end");
        }
        return new Dockerfile(instructions);
    }

    List<String> all(String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The sources of every COPY (without its --flags), in order. */
    List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (String copy : all("COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }
}
