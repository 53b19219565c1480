package io.orrery.workbench.event;

import io.orrery.client.text.HumanTime;

/** Instants are to be shown in this zone from now on (UTC unless the user chose another in the settings). */
public record TimeShown(HumanTime time) {
}
