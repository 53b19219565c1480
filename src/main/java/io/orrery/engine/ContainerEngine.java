package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Containers ({@code docker-container} executables) on a Docker-compatible engine. Each session's container is
 * named {@code orrery-SESSION} and labelled with the session and with the broker that owns it (its session files'
 * directory), so that a restarted broker finds its containers again and removes those no session owns, and two
 * brokers on one engine leave each other's alone.
 */
public final class ContainerEngine implements JobEngine {
    static final String SESSION_LABEL = "io.orrery.session";
    static final String OWNER_LABEL = "io.orrery.owner";

    private final DockerApi api;
    private final SessionFiles files;
    private final DataStager stager;
    private final boolean network;

    public ContainerEngine(DockerApi api, SessionFiles files, DataStager stager, boolean network) {
        this.api = api;
        this.files = files;
        this.stager = stager;
        this.network = network;
    }

    String owner() {
        return files.root().toString();
    }

    @Override
    public Job job(Work work) {
        return new ContainerJob(this, work.sessionId(), work.offerTree());
    }

    @Override
    public Job.Found find(Job job) throws IOException {
        ContainerJob c = (ContainerJob) job;
        var found = api.inspect(c.name());
        if (found.isEmpty() || !owner().equals(found.get().path("Config").path("Labels").path(OWNER_LABEL).asString(""))) {
            return Job.Found.NOTHING;
        }
        JsonNode state = found.get().path("State");
        c.attach(found.get().path("Id").asString());
        if (state.path("Running").asBoolean(false)) {
            return Job.Found.RUNNING;
        }
        String status = state.path("Status").asString("");
        return status.equals("created") || status.equals("configured") ? Job.Found.CREATED : Job.Found.EXITED;
    }

    @Override
    public void sweep(Set<String> owned) throws IOException {
        for (JsonNode c : api.withLabel(OWNER_LABEL, owner())) {
            String session = c.path("Labels").path(SESSION_LABEL).asString("");
            if (!owned.contains(session)) {
                api.remove(c.path("Id").asString());
            }
        }
    }

    DockerApi api() {
        return api;
    }

    SessionFiles files() {
        return files;
    }

    DataStager stager() {
        return stager;
    }

    boolean network() {
        return network;
    }
}
