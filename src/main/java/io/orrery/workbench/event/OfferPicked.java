package io.orrery.workbench.event;

/**
 * An offer was selected (uuid; null when the selection was cleared) in one of the views that show offers, named by
 * {@code by}: the others select it too, and ignore their own events.
 */
public record OfferPicked(String uuid, String by) {
}
