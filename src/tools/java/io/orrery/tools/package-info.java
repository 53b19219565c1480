/**
 * Developers' tools: benchmarks ({@code orrery bench}), the load test ({@code orrery loadtest}) with its small
 * loopback HTTP client, run from a checkout. Compiled with the tests (src/tools/java), never shipped.
 *
 * <p>May use: every part of the product.
 */
package io.orrery.tools;
