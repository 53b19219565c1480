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
final class NotebookJob implements Job {
    static final String EXECUTED = "executed.ipynb";

    private final Path program;
    private final SessionFiles files;
    private final DataStager stager;
    private final String session;
    private final JsonNode offer;
    private final HostProcesses processes;
    private volatile Process process;
    private volatile boolean killed;
    private volatile String failedCell;

    NotebookJob(Path program, SessionFiles files, DataStager stager, String session, JsonNode offer, HostProcesses processes) {
        this.program = program;
        this.files = files;
        this.stager = stager;
        this.session = session;
        this.offer = offer;
        this.processes = processes;
    }

    private Path notebook() throws IOException {
        return files.scratch(session).resolve("notebook.ipynb");
    }

    @Override
    public void prepare() throws IOException {
        String location = offer.path("executable").path("location").asString(null);
        if (location == null || location.isBlank()) {
            throw new IOException("the notebook has no location (executable.location)");
        }
        stager.copy("notebook", location, notebook());
        stager.stage(offer, files.scratch(session));
    }

    @Override
    public synchronized void start() throws IOException {
        if (killed) {
            throw new IOException("cancelled before it started");
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(program.toString(), "--to", "notebook", "--execute",
                "--allow-errors", notebook().toString(), "--output", EXECUTED, "--output-dir", files.outputs(session).toString()))
                .directory(files.scratch(session).toFile())
                .redirectOutput(files.log(session, "stdout").toFile())
                .redirectError(files.log(session, "stderr").toFile());
        processes.mark(pb, session);
        Map<String, String> env = pb.environment();
        env.put("ORRERY_OUTPUTS", files.outputs(session).toString());
        env.put("HOME", files.scratch(session).toString());
        env.remove("PYTHONPATH");
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        process = pb.start();
        process.getOutputStream().close();
    }

    /**
     * Waits for nbconvert; a run that went through but has a cell that raised (kept in the executed notebook, which
     * nbconvert writes only when told to allow errors) counts as exit code 1.
     */
    @Override
    public long awaitExit() throws InterruptedException, IOException {
        int code = process.waitFor();
        if (code == 0) {
            failedCell = NotebookErrors.firstError(files.outputs(session).resolve(EXECUTED));
            return failedCell == null ? 0 : 1;
        }
        return code;
    }

    @Override
    public synchronized void kill() {
        killed = true;
        HostProcesses.killTree(process);
    }

    @Override
    public void cleanup() {
        // the process is gone; its files are the session's
    }

    @Override
    public String failure(long exitCode) {
        String error = failedCell != null ? failedCell : cellError();
        return error == null ? "the notebook run exited with code " + exitCode : "a cell failed: " + error;
    }

    /** The error the failing cell raised, from nbconvert's report: its last {@code Name: message} line. */
    String cellError() {
        try {
            String text = Files.readString(files.log(session, "stderr"), StandardCharsets.UTF_8)
                    .replaceAll("\u001B\\[[0-9;]*m", "");
            int at = text.lastIndexOf("CellExecutionError");
            return Tracebacks.lastError(at < 0 ? text : text.substring(at));
        } catch (IOException e) {
            return null;
        }
    }
}
