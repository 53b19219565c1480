/**
 * Real execution on this machine: containers on its engine (Docker engine or Podman, through the Docker-compatible
 * API on a Unix socket: {@link io.orrery.engine.DockerApi}), notebooks on its Jupyter ({@code jupyter-nbconvert}),
 * data staged from http(s) and file URLs, each session's logs and outputs kept in
 * {@link io.orrery.engine.SessionFiles}, all behind the broker's {@code ExecutionAdapter} seam
 * ({@link io.orrery.engine.RealExecution}); the built-in {@code local} platform sized from the machine
 * ({@link io.orrery.engine.LocalPlatform}); {@code orrery engines} and its setup ({@link io.orrery.engine.EngineSetup}).
 *
 * <p>May use: {@link io.orrery.model}, {@link io.orrery.broker}, the JDK (its HTTP client included) and Jackson; never
 * JavaFX, an HTTP client library or an HTTP server, nor the server, client, workbench or command line
 * (ArchitectureTest). The Docker API is spoken over the JDK's own Unix domain sockets ({@link io.orrery.engine.UnixHttp},
 * {@link io.orrery.engine.UnixStream}).
 */
package io.orrery.engine;
