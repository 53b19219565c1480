package io.orrery.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One session's notebook: fetched into its scratch space with its data ({@code data/NAME/FILE} beside it), then
 * executed by {@code jupyter-nbconvert --execute} with the scratch space as its working directory; the executed
 * notebook is kept as the output {@code outputs/executed.ipynb}, failing cells included (nbconvert goes on past
 * them; the first one fails the session with its error). Cores and memory are not fenced for a notebook (it is a process of this machine, not a container); the
 * offered end is enforced.
 */
final class NotebookJob extends HostJob {
    static final String EXECUTED = "executed.ipynb";

    private volatile String failedCell;

    NotebookJob(HostWork w) {
        super(w);
    }

    private Path notebook() throws IOException {
        return w.files().scratch(w.session()).resolve("notebook.ipynb");
    }

    @Override
    public void prepare() throws IOException {
        String location = w.offer().path("executable").path("location").asString(null);
        if (location == null || location.isBlank()) {
            throw new IOException("the notebook has no location (executable.location)");
        }
        w.stager().copy("notebook", location, notebook());
        w.stager().stage(w.offer(), w.files().scratch(w.session()));
    }

    @Override
    public void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(w.program().toString(), "--to", "notebook", "--execute",
                "--allow-errors", notebook().toString(), "--output", EXECUTED, "--output-dir", w.files().outputs(w.session()).toString()))
                .directory(w.files().scratch(w.session()).toFile())
                .redirectOutput(w.files().log(w.session(), "stdout").toFile())
                .redirectError(w.files().log(w.session(), "stderr").toFile());
        Map<String, String> env = pb.environment();
        env.put("ORRERY_OUTPUTS", w.files().outputs(w.session()).toString());
        env.put("HOME", w.files().scratch(w.session()).toString());
        env.remove("PYTHONPATH");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        launch(pb);
    }

    /**
     * Waits for nbconvert; a run that went through but has a cell that raised (kept in the executed notebook, which
     * nbconvert writes only when told to allow errors) counts as exit code 1.
     */
    @Override
    public long awaitExit() throws InterruptedException, IOException {
        int code = process().waitFor();
        if (code == 0) {
            failedCell = NotebookErrors.firstError(w.files().outputs(w.session()).resolve(EXECUTED));
            return failedCell == null ? 0 : 1;
        }
        return code;
    }

    @Override
    public String failure(long exitCode) {
        String error = failedCell != null ? failedCell : cellError();
        return error == null ? "the notebook run exited with code " + exitCode : "a cell failed: " + error;
    }

    /** The error the failing cell raised, from nbconvert's report: its last {@code Name: message} line. */
    String cellError() {
        try {
            String text = Files.readString(w.files().log(w.session(), "stderr"), StandardCharsets.UTF_8)
                    .replaceAll("\u001B\\[[0-9;]*m", "");
            int at = text.lastIndexOf("CellExecutionError");
            return Tracebacks.lastError(at < 0 ? text : text.substring(at));
        } catch (IOException e) {
            return null;
        }
    }
}
