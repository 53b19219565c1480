/**
 * Talking to brokers as they are: Orrery's own and the reference broker in every generation, with its quirks.
 * {@link io.orrery.client.Broker} is one broker (over HTTP, or in process); {@link io.orrery.client.FanOut} asks
 * many at once; {@link io.orrery.client.compare} lines their offers up.
 */
package io.orrery.client;
