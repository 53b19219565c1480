/**
 * Help in the window: the Help menu (the keyboard shortcuts, read from the menus that define them, and About), the
 * hint shown on the first run, and tooltips that say why a disabled button is disabled.
 */
package io.orrery.workbench.help;
