/**
 * The broker core: platforms, the reservation calendar, the offer engine and the session lifecycle, on a clock.
 * {@code orrery serve} and the workbench's offline brokers both run it. It depends only on {@link io.orrery.model}
 * (and Jackson for platform files), never on JavaFX or HTTP.
 */
package io.orrery.broker;
