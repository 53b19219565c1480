/**
 * {@code orrery COMMAND}: the command-line twin of the window, and the entry point that starts the window and the
 * server.
 *
 * <p>May use: every other part (it is the composition root); no other part uses it (ArchitectureTest).
 */
package io.orrery.cli;
