package io.orrery.model;

/** AbstractDataResource: input data; {@code storage} names the storage resource it is staged into. */
public sealed interface DataResource extends LifecycleComponent
        permits SimpleData, S3Data, RucioData, IvoaData, SkaoData, UnknownData {
    String storage();
}
