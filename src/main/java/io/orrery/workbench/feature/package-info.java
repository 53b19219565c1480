/**
 * What every feature of the window is built on: a {@link io.orrery.workbench.feature.Controller} that binds on
 * activation and lets go on deactivation through its {@link io.orrery.workbench.feature.Pins}, and the
 * {@link io.orrery.workbench.feature.StatusLine} the window lends to each.
 */
package io.orrery.workbench.feature;
