package io.regtrack.series;

import java.util.ArrayList;
import java.util.List;

/**
 * How a long series is summarised and read back, without a database: blocks of {@link #SIZE}
 * consecutive points, each kept as at most {@link #KEPT} points by {@link Downsample} plus where
 * the build fingerprint changed; a read joins blocks and stored points in commit order. Pure.
 */
public final class Blocks {

    /** Points in a sealed block. */
    public static final int SIZE = 1_024;
    /** Points a block keeps: the first, lowest, highest and last of 16 parts of it. */
    public static final int KEPT = 64;
    /** Blocks of level 0 in a block of level 1. */
    public static final int FAN = 16;

    private Blocks() {}

    /** A stored point as a block or a read sees it. */
    public record Raw(long id, long runId, long atMicros, double value, String hash, String unit) {}

    /** A summary of {@link #SIZE} consecutive points. */
    public record Block(
            int level,
            int number,
            long firstAtMicros,
            long firstId,
            long lastAtMicros,
            long lastId,
            int points,
            String unit,
            String firstHash,
            String lastHash,
            long[] runIds,
            long[] atMicros,
            double[] values,
            long[] changes) {}

    /** A drawn point. */
    public record Kept(long runId, long atMicros, double value) {}

    /** Two neighbouring runs whose build fingerprints differ. */
    public record Step(long before, long after) {}

    /** What a read gives: how many points the range holds, those kept and where the build changed. */
    public record Read(int total, List<Kept> kept, List<Step> steps, String unit) {}

    /** The block of exactly {@link #SIZE} points. */
    public static Block seal(int number, List<Raw> points) {
        if (points.size() != SIZE) {
            throw new IllegalArgumentException("a block holds " + SIZE + " points, not " + points.size());
        }
        double[] values = points.stream().mapToDouble(Raw::value).toArray();
        List<Integer> kept = Downsample.keep(values, KEPT);
        List<Long> changes = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).hash().equals(points.get(i - 1).hash())) {
                changes.add(points.get(i - 1).runId());
                changes.add(points.get(i).runId());
            }
        }
        Raw first = points.get(0);
        Raw last = points.get(SIZE - 1);
        return new Block(
                0,
                number,
                first.atMicros(),
                first.id(),
                last.atMicros(),
                last.id(),
                SIZE,
                first.unit(),
                first.hash(),
                last.hash(),
                kept.stream().mapToLong(i -> points.get(i).runId()).toArray(),
                kept.stream().mapToLong(i -> points.get(i).atMicros()).toArray(),
                kept.stream().mapToDouble(i -> values[i]).toArray(),
                changes.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The block of level 1 made of {@link #FAN} consecutive blocks of level 0: their kept points
     * downsampled once more, their build changes and those between them.
     */
    public static Block merge(int number, List<Block> blocks) {
        if (blocks.size() != FAN || blocks.stream().anyMatch(b -> b.level() != 0)) {
            throw new IllegalArgumentException("a block of level 1 is " + FAN + " blocks of level 0");
        }
        List<Long> runs = new ArrayList<>();
        List<Long> ats = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Long> changes = new ArrayList<>();
        Block previous = null;
        for (Block b : blocks) {
            if (previous != null && !previous.lastHash().equals(b.firstHash())) {
                changes.add(previous.runIds()[previous.runIds().length - 1]);
                changes.add(b.runIds()[0]);
            }
            for (long c : b.changes()) {
                changes.add(c);
            }
            for (int i = 0; i < b.runIds().length; i++) {
                runs.add(b.runIds()[i]);
                ats.add(b.atMicros()[i]);
                values.add(b.values()[i]);
            }
            previous = b;
        }
        List<Integer> kept =
                Downsample.keep(values.stream().mapToDouble(Double::doubleValue).toArray(), KEPT);
        Block first = blocks.get(0);
        Block last = blocks.get(FAN - 1);
        return new Block(
                1,
                number,
                first.firstAtMicros(),
                first.firstId(),
                last.lastAtMicros(),
                last.lastId(),
                blocks.stream().mapToInt(Block::points).sum(),
                first.unit(),
                first.firstHash(),
                last.lastHash(),
                kept.stream().mapToLong(runs::get).toArray(),
                kept.stream().mapToLong(ats::get).toArray(),
                kept.stream().mapToDouble(values::get).toArray(),
                changes.stream().mapToLong(Long::longValue).toArray());
    }

    /** A piece of a read, in commit order: stored points, or a block. */
    public sealed interface Piece permits Stored, Summary {}

    public record Stored(List<Raw> points) implements Piece {}

    public record Summary(Block block) implements Piece {}

    /** The pieces joined: every point of stored pieces and the kept points of blocks, downsampled once more. */
    public static Read join(List<Piece> pieces, int maxPoints, int maxSteps) {
        List<Kept> all = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int total = 0;
        String unit = null;
        String lastHash = null;
        long lastRun = 0;
        for (Piece piece : pieces) {
            if (piece instanceof Summary s) {
                Block b = s.block();
                total += b.points();
                unit = unit == null ? b.unit() : unit;
                if (lastHash != null && !lastHash.equals(b.firstHash())) {
                    steps.add(new Step(lastRun, b.runIds()[0]));
                }
                for (int i = 0; i + 1 < b.changes().length; i += 2) {
                    steps.add(new Step(b.changes()[i], b.changes()[i + 1]));
                }
                for (int i = 0; i < b.runIds().length; i++) {
                    all.add(new Kept(b.runIds()[i], b.atMicros()[i], b.values()[i]));
                }
                lastHash = b.lastHash();
                lastRun = b.runIds()[b.runIds().length - 1];
            } else if (piece instanceof Stored s) {
                total += s.points().size();
                for (Raw p : s.points()) {
                    unit = unit == null ? p.unit() : unit;
                    if (lastHash != null && !lastHash.equals(p.hash())) {
                        steps.add(new Step(lastRun, p.runId()));
                    }
                    all.add(new Kept(p.runId(), p.atMicros(), p.value()));
                    lastHash = p.hash();
                    lastRun = p.runId();
                }
            }
        }
        double[] values = all.stream().mapToDouble(Kept::value).toArray();
        List<Kept> kept =
                Downsample.keep(values, maxPoints).stream().map(all::get).toList();
        return new Read(total, kept, steps.size() > maxSteps ? steps.subList(0, maxSteps) : steps, unit);
    }
}
