/**
 * What the protocols before the ExecutionBroker write and how to read it: the sizes and durations of the 2021
 * CanIDoThis and the SRCNet compute API ({@code 8G}, {@code 10m}, bare numbers in a chosen unit), shared by the
 * server that answers them and the client that asks in them.
 */
package io.orrery.model.legacy;
