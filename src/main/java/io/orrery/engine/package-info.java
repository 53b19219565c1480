/**
 * What this machine has for running real work: the container engines (Docker engine or Podman, through the
 * Docker-compatible API on a Unix socket), Jupyter's {@code jupyter-nbconvert}, and the machine's cores and memory.
 * {@code orrery engines} reports it; {@link io.orrery.engine.EngineSetup} installs and starts them on Debian or Ubuntu.
 *
 * <p>May use: {@link io.orrery.model}, {@link io.orrery.broker}, the JDK and Jackson; never JavaFX, an HTTP client
 * library or an HTTP server, nor the server, client, workbench or command line (ArchitectureTest). The Docker API is
 * spoken over the JDK's own Unix domain sockets ({@link io.orrery.engine.UnixHttp}).
 */
package io.orrery.engine;
