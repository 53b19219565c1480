/**
 * Export in the window: the comparison as CSV, JSON or VOTable (the writers of {@link io.orrery.client.export}),
 * and any {@link io.orrery.workbench.feature.Snapshotable} view as PNG, from the Export menu; files are chosen on
 * the JavaFX thread and written off it.
 */
package io.orrery.workbench.export;
