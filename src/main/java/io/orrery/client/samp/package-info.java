/**
 * SAMP, the messaging the VO desktop tools share (TOPCAT, Aladin, DS9, ...), through JSAMP: where the hub is
 * ({@link io.orrery.client.samp.HubLocation}), and a registration with it ({@link io.orrery.client.samp.SampLink})
 * that broadcasts a table and hears of tables, images and spectra sent to Orrery. No toolkit: the window and tests
 * use it alike.
 */
package io.orrery.client.samp;
