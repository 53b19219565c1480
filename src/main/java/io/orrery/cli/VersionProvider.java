package io.orrery.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {io.orrery.model.Version.text(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
