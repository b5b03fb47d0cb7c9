package io.regtrack.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What a run was built and run with: effective profile settings, toolchain and runner. */
public record Environment(Map<String, String> profile, Map<String, String> toolchain, Map<String, String> runner) {

    public static final String UNSET = "unset";

    public Environment {
        profile = profile == null ? Map.of() : profile;
        toolchain = toolchain == null ? Map.of() : toolchain;
        runner = runner == null ? Map.of() : runner;
    }

    public List<Judgement.SettingChange> profileChanges(Environment current) {
        return changes(profile, current.profile);
    }

    public List<Judgement.SettingChange> toolchainChanges(Environment current) {
        return changes(toolchain, current.toolchain);
    }

    public List<Judgement.SettingChange> runnerChanges(Environment current) {
        return changes(runner, current.runner);
    }

    /** Every difference in words: {@code lto: fat → false}, {@code rustc: 1.94.0 → 1.95.0}, {@code runner os: …}. */
    public List<String> explain(Environment current) {
        List<String> lines = new ArrayList<>();
        profileChanges(current).forEach(c -> lines.add(c.setting() + ": " + c.baseline() + " → " + c.current()));
        toolchainChanges(current).forEach(c -> lines.add(c.setting() + ": " + c.baseline() + " → " + c.current()));
        runnerChanges(current)
                .forEach(c -> lines.add("runner " + c.setting() + ": " + c.baseline() + " → " + c.current()));
        return lines;
    }

    static List<Judgement.SettingChange> changes(Map<String, String> before, Map<String, String> after) {
        List<Judgement.SettingChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String was = before.getOrDefault(key, UNSET);
            String now = after.getOrDefault(key, UNSET);
            if (!Objects.equals(was, now)) {
                changes.add(new Judgement.SettingChange(key, was, now));
            }
        }
        return changes;
    }
}
