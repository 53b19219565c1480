/**
 * The comparison to take away: every offer of every broker for one task as one table
 * ({@link io.orrery.client.export.ExportTable}, its columns with units and UCDs in
 * {@link io.orrery.client.export.Columns}), written as CSV, JSON or VOTable ({@link io.orrery.client.export.ExportFormat}).
 * The window's Export menu, SAMP and {@code orrery offers --format} all use these writers.
 *
 * <p>Pure: the JDK (its XML writer) and Jackson; no toolkit.
 */
package io.orrery.client.export;
