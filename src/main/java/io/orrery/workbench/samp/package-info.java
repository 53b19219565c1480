/**
 * SAMP in the window: the comparison sent to TOPCAT, Aladin or any tool that takes tables, and the datasets they
 * send turned into data of the task ({@link io.orrery.workbench.event.AddDataResource}); the hub is reached through
 * {@link io.orrery.client.samp}, never from the JavaFX thread.
 */
package io.orrery.workbench.samp;
