package io.orrery.model;

/** Orrery's version, from the jar's manifest ("dev" when run from classes). */
public final class Version {
    private Version() {}

    public static String text() {
        String v = Version.class.getPackage().getImplementationVersion();
        return "Orrery " + (v == null ? "dev" : v);
    }
}
