package io.orrery.model.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One package a {@code python-program} needs: a distribution name and, optionally, the versions it must have. */
public record PackageRequirement(String name, Optional<VersionConstraint> versions) {
    /** A distribution name (PEP 508), optional extras, then an optional version constraint. */
    private static final Pattern PACKAGE = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(\\[[A-Za-z0-9._, -]*\\])?\\s*(.*)");

    /** The entry ({@code numpy}, {@code astropy>=5}, {@code requests[socks] >= 2.31}), or empty when it is not one. */
    public static Optional<PackageRequirement> parse(String entry) {
        Matcher m = PACKAGE.matcher(entry.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(3).strip();
        if (rest.isEmpty()) {
            return Optional.of(new PackageRequirement(m.group(1), Optional.empty()));
        }
        if (Character.isDigit(rest.charAt(0))) {
            return Optional.empty(); // "numpy 2" is a typo, not a constraint
        }
        return VersionConstraint.parse(rest).map(v -> new PackageRequirement(m.group(1), Optional.of(v)));
    }

    @Override
    public String toString() {
        return name + versions.map(v -> " " + v).orElse("");
    }
}
