package io.orrery.model.check;

import io.orrery.model.PythonProgram;
import io.orrery.model.PythonRequirements;
import java.util.List;

/** The fields of a {@code python-program} executable: where the program is, its arguments and requirements. */
final class ProgramChecks {
    private ProgramChecks() {}

    static void check(PythonProgram py, String p, List<Finding> out) {
        location(py.location(), p + "/location", out);
        List<String> args = py.arguments();
        for (int i = 0; args != null && i < args.size(); i++) {
            if (args.get(i) == null) {
                out.add(Finding.error(p + "/arguments/" + i, "an empty argument: give a string (\"\" for an empty one)"));
            }
        }
        PythonRequirements req = py.requirements();
        if (req == null) {
            return;
        }
        if (req.python() != null && VersionConstraint.parse(req.python()).isEmpty()) {
            out.add(Finding.error(p + "/requirements/python", "'" + req.python() + "' is not a version constraint:"
                    + " write an operator (>, >=, <, <=, ==, ~=) and a version, such as '> 3.10', or a bare version"
                    + " meaning at least that one (quote it in YAML: 3.10 unquoted is the number 3.1)"));
        }
        List<String> packages = req.packages();
        for (int i = 0; packages != null && i < packages.size(); i++) {
            String problem = packageProblem(packages.get(i));
            if (problem != null) {
                out.add(Finding.error(p + "/requirements/packages/" + i, problem));
            }
        }
    }

    private static void location(String value, String p, List<Finding> out) {
        if (value == null || value.isBlank()) {
            out.add(Finding.error(p, "the program location is missing: give the URL (http(s): or file:) or the"
                    + " path of the .py file (a relative one is read from the broker's working directory)"));
        } else if (value.matches("(?i)[a-z][a-z0-9+.-]*:.*") && !value.matches("(?i)(https?|file):.+")) {
            out.add(Finding.error(p, "the program location '" + value + "' is neither an http(s): or file: URL nor"
                    + " a file path"));
        }
    }

    /** Why a package entry is not one, or null when it is fine. */
    static String packageProblem(String entry) {
        if (entry == null) {
            return "an empty package entry: give a package name such as numpy or astropy>=5";
        }
        if (PackageRequirement.parse(entry).isEmpty()) {
            return "'" + entry + "' is not a package name with an optional version constraint (such as astropy>=5)";
        }
        return null;
    }
}
