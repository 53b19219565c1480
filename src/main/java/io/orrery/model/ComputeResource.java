package io.orrery.model;

import java.util.List;

/** AbstractComputeResource: where it runs, with the volumes mounted into it. */
public sealed interface ComputeResource extends LifecycleComponent permits SimpleCompute, UnknownCompute {
    List<VolumeMount> volumes();
}
