/**
 * The protocols that came before and beside the ExecutionBroker (the 2021 ExecutionPlanner "CanIDoThis" and the
 * 2024 SRCNet compute API), translated to and from ExecutionBroker documents so that the same broker core answers
 * them. Pure translation: no HTTP here (the routes live in {@code io.orrery.server}).
 */
package io.orrery.server.legacy;
