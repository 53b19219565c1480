package io.orrery.workbench.export;

import java.util.Locale;

/** What the window proposes to call an exported file: the task's name and what it holds, "parallel-job-offers.vot". */
public final class ExportNames {
    private ExportNames() {}

    /** A file name of lower-case words and dashes (no folder), with the extension. */
    public static String file(String task, String what, String extension) {
        String stem = ((task == null || task.isBlank() ? "orrery" : task) + "-" + what).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._]+", "-").replaceAll("^[-.]+|-+$", "");
        return (stem.isEmpty() ? "orrery" : stem) + "." + extension;
    }

    /** The name with the extension added when it has none: "offers" becomes "offers.csv", "offers.txt" stays. */
    public static String withExtension(String name, String extension) {
        return name.indexOf('.', 1) > 0 ? name : name + "." + extension;
    }
}
