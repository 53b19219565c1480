package io.orrery.workbench.event;

import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import java.util.List;

/** The what-if offers to draw as ghosts on the offers timeline now (all of them; empty when cleared). */
public record GhostsChanged(List<Lane> lanes, List<Bar> bars) {
    public GhostsChanged {
        lanes = List.copyOf(lanes);
        bars = List.copyOf(bars);
    }
}
