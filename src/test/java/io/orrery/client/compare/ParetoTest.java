package io.orrery.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The Pareto front against a table of known answers and, for any points, against the definition itself. */
class ParetoTest {
    private record P(String name, double x, double y) {
    }

    private static List<String> front(P... points) {
        return Pareto.front(List.of(points), P::x, P::y).stream().map(P::name).toList();
    }

    @Test
    void aTableOfFronts() {
        assertEquals(List.of(), front());
        assertEquals(List.of("a"), front(new P("a", 1, 1)));
        // earliest finish but dearest, a compromise, cheapest but latest; d is beaten by b on both
        assertEquals(List.of("a", "b", "c"), front(new P("c", 9, 1), new P("d", 6, 6), new P("a", 1, 9),
                new P("b", 5, 5)));
        // the same cost and a later finish is beaten; the same finish and a higher cost too
        assertEquals(List.of("a"), front(new P("a", 1, 1), new P("b", 2, 1), new P("c", 1, 2)));
        // two equal points are both on the front
        assertEquals(List.of("a", "b"), front(new P("a", 3, 3), new P("b", 3, 3), new P("c", 4, 4)));
        // a missing cost takes no part
        assertEquals(List.of("b"), front(new P("a", 1, Double.NaN), new P("b", 5, 5)));
    }

    @Property(tries = 300)
    void theFrontIsExactlyTheUndominatedPoints(@ForAll @Size(max = 40) List<@IntRange(max = 8) Integer> xs,
                                               @ForAll @Size(max = 40) List<@IntRange(max = 8) Integer> ys) {
        List<P> points = new ArrayList<>();
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            points.add(new P("p" + i, xs.get(i), ys.get(i)));
        }
        List<P> front = Pareto.front(points, P::x, P::y);
        List<P> expected = points.stream().filter(p -> points.stream()
                .noneMatch(q -> Pareto.dominates(q.x(), q.y(), p.x(), p.y()))).toList();
        assertEquals(new HashSet<>(expected), new HashSet<>(front), "the front of " + points);
        assertEquals(expected.size(), front.size(), "no point twice");
        for (int i = 1; i < front.size(); i++) {
            P a = front.get(i - 1);
            P b = front.get(i);
            assertTrue(a.x() <= b.x() && a.y() >= b.y(), "in rising x and falling y: " + front);
        }
    }
}
