package io.regtrack.series;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one series for a chart in O(points drawn) rows, however long its history: the sealed blocks
 * that lie in the range, and the stored points at its edges and after the last block. Blocks are
 * sealed here, as a read finds a full one not yet sealed.
 */
@ApplicationScoped
class SeriesReader {

    /** Points read per statement while sealing. */
    static final int SEAL_BATCH = 16 * Blocks.SIZE;

    private final BlockRepository blocks;

    SeriesReader(BlockRepository blocks) {
        this.blocks = blocks;
    }

    Blocks.Read read(BlockRepository.Key key, Instant from, Instant to, int maxPoints, int maxSteps) {
        blocks.dropStale(key);
        seal(key);
        List<Blocks.Block> inside = chosen(key, from, to);
        List<Blocks.Piece> pieces = new ArrayList<>();
        if (inside.isEmpty()) {
            // Within two blocks at most, or a series not a block long: its points, read as they are.
            pieces.add(new Blocks.Stored(blocks.points(key, null, null, from, to, Integer.MAX_VALUE)));
        } else {
            Blocks.Block first = inside.get(0);
            Blocks.Block last = inside.get(inside.size() - 1);
            pieces.add(new Blocks.Stored(blocks.points(
                    key,
                    null,
                    new BlockRepository.Place(first.firstAtMicros(), first.firstId()),
                    from,
                    to,
                    Integer.MAX_VALUE)));
            inside.forEach(b -> pieces.add(new Blocks.Summary(b)));
            pieces.add(new Blocks.Stored(blocks.points(
                    key,
                    new BlockRepository.Place(last.lastAtMicros(), last.lastId()),
                    null,
                    from,
                    to,
                    Integer.MAX_VALUE)));
        }
        return Blocks.join(pieces, maxPoints, maxSteps);
    }

    /**
     * The blocks that lie wholly in the range, in order, as few as cover it: blocks of level 1 where
     * they fit, blocks of level 0 before and after them.
     */
    private List<Blocks.Block> chosen(BlockRepository.Key key, Instant from, Instant to) {
        List<Blocks.Block> big = inside(blocks.blocks(key, 1, from, to, null, null), from, to);
        if (big.isEmpty()) {
            return inside(blocks.blocks(key, 0, from, to, null, null), from, to);
        }
        int start = big.get(0).number() * Blocks.FAN;
        int end = (big.get(big.size() - 1).number() + 1) * Blocks.FAN;
        List<Blocks.Block> chosen = new ArrayList<>(inside(blocks.blocks(key, 0, from, to, null, start - 1), from, to));
        chosen.addAll(big);
        chosen.addAll(inside(blocks.blocks(key, 0, from, to, end, null), from, to));
        return chosen;
    }

    private static List<Blocks.Block> inside(List<Blocks.Block> blocks, Instant from, Instant to) {
        Long fromMicros = from == null ? null : micros(from);
        Long toMicros = to == null ? null : micros(to);
        return blocks.stream()
                .filter(b -> (fromMicros == null || b.firstAtMicros() >= fromMicros)
                        && (toMicros == null || b.lastAtMicros() <= toMicros))
                .toList();
    }

    /** Seals every full block after the last sealed one, then every full block of level 1. */
    private void seal(BlockRepository.Key key) {
        Optional<Object[]> last = blocks.lastSealed(key, 0);
        int next = last.map(r -> ((Number) r[0]).intValue() + 1).orElse(0);
        BlockRepository.Place after = last.map(
                        r -> new BlockRepository.Place(((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .orElse(null);
        while (true) {
            List<Blocks.Raw> rows = blocks.points(key, after, null, null, null, SEAL_BATCH);
            for (int i = 0; i + Blocks.SIZE <= rows.size(); i += Blocks.SIZE) {
                blocks.insert(key, Blocks.seal(next++, rows.subList(i, i + Blocks.SIZE)));
            }
            if (rows.size() < SEAL_BATCH) {
                break;
            }
            Blocks.Raw end = rows.get(rows.size() - 1);
            after = new BlockRepository.Place(end.atMicros(), end.id());
        }
        int big = blocks.lastSealed(key, 1)
                .map(r -> ((Number) r[0]).intValue() + 1)
                .orElse(0);
        for (int n = big; (n + 1) * Blocks.FAN <= next; n++) {
            List<Blocks.Block> small = blocks.blocks(key, 0, null, null, n * Blocks.FAN, (n + 1) * Blocks.FAN - 1);
            if (small.size() != Blocks.FAN) {
                return;
            }
            blocks.insert(key, Blocks.merge(n, small));
        }
    }

    /** A read of stored points, all in hand: downsampled once, every build change between them. */
    static Blocks.Read ofPoints(List<SeriesRepository.Point> points, int maxPoints) {
        double[] values =
                points.stream().mapToDouble(SeriesRepository.Point::value).toArray();
        List<Blocks.Kept> kept = Downsample.keep(values, maxPoints).stream()
                .map(points::get)
                .map(p -> new Blocks.Kept(p.runId(), micros(p.committedAt()), p.value()))
                .toList();
        List<Blocks.Step> steps = BuildChanges.steps(points, SeriesService.MAX_ANNOTATIONS).stream()
                .map(st -> new Blocks.Step(st.before(), st.after()))
                .toList();
        return new Blocks.Read(
                points.size(),
                kept,
                steps,
                points.isEmpty() ? null : points.get(0).unit());
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }
}
