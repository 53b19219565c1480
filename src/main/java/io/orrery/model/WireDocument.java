package io.orrery.model;

/** A whole document on the wire: a request, an offer set, a session or an update. */
public sealed interface WireDocument permits ExecutionRequest, OfferSet, ExecutionSession, Update, UnknownDocument {
}
