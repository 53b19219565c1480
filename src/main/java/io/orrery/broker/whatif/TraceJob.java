package io.orrery.broker.whatif;

/**
 * One job of a workload: when it was submitted (seconds from the start of the trace), how long it ran (seconds),
 * on how many cores, and its memory in GiB (0 when the trace does not say: it then takes the platform's share).
 */
public record TraceJob(long id, long submit, long runtime, long cores, long memoryGiB) {
}
