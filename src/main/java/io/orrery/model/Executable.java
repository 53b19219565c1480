package io.orrery.model;

/** AbstractExecutable: what runs. */
public sealed interface Executable extends LifecycleComponent
        permits DockerContainer, JupyterNotebook, PythonProgram, SingularityContainer, UnknownExecutable {
}
