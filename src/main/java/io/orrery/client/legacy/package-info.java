/**
 * The client's side of the protocols before the ExecutionBroker: a request put into a 2021 CanIDoThis question or an
 * SRCNet compute query (2024), and their answers read back as offer sets and sessions, so that they show in the
 * table and on the timeline beside the others. Their YES carries no times: such an offer is an open offer from the
 * time of the answer, marked as such ({@link io.orrery.client.legacy.OpenOffer}).
 */
package io.orrery.client.legacy;
