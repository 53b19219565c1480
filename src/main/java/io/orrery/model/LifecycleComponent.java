package io.orrery.model;

/** A component with a lifecycle phase and schedule: executables, compute, storage and data. */
public interface LifecycleComponent extends Component {
    String phase();

    Schedule schedule();
}
