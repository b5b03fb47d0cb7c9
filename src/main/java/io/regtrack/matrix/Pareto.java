package io.regtrack.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The profiles no other profile beats on both size and time. A point dominates another when it
 * is no larger and no slower, and strictly better on one of the two. A missing time (no
 * benchmark) is compared on size alone. Pure: no framework.
 */
public final class Pareto {

    private Pareto() {}

    /** One candidate: total bytes and total seconds (NaN when unknown). */
    public record Point(String name, double size, double time) {}

    public static List<String> frontier(List<Point> points) {
        List<String> frontier = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = points.stream().anyMatch(q -> q != p && dominates(q, p));
            if (!dominated) {
                frontier.add(p.name());
            }
        }
        return frontier;
    }

    static boolean dominates(Point q, Point p) {
        boolean timed = !Double.isNaN(q.time()) && !Double.isNaN(p.time());
        boolean noWorse = q.size() <= p.size() && (!timed || q.time() <= p.time());
        boolean better = q.size() < p.size() || (timed && q.time() < p.time());
        return noWorse && better;
    }
}
