package io.orrery.workbench.timeline;

/**
 * One row of the chart, in a group (a broker); lanes of a group are drawn together under its name. A lane without
 * bars can carry a note: a broker's NO with its reasons, or its error.
 */
public record Lane(String id, String group, String label, Kind kind, String note) {
    /** How the lane is drawn. */
    public enum Kind { OFFERS, NO, ERROR, GHOST, LIVE }
}
