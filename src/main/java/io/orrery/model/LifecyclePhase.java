package io.orrery.model;

/** The phases of one component (executable, compute, storage, data) inside a session. */
public enum LifecyclePhase {
    INITIALIZING, WAITING, PREPARING, AVAILABLE, RUNNING, RELEASING, COMPLETED, FAILED, CANCELLED
}
