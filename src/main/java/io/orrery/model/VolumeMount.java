package io.orrery.model;

/** AbstractVolumeMount: a data or storage resource made visible inside the compute resource. */
public sealed interface VolumeMount extends Component permits SimpleVolumeMount, UnknownVolumeMount {
}
