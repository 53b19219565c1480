/**
 * The IVOA ExecutionBroker wire model: one set of Java records for every generation of the format.
 *
 * <p>Every record keeps the fields it does not know in {@code extras}, so that a document read and
 * written again loses nothing. Times are kept as the strings that were sent; {@link io.orrery.model.time}
 * parses them. The codec that maps the older generations onto these records is in
 * {@link io.orrery.model.codec}; validation is in {@link io.orrery.model.check}; the phase rules both brokers and
 * clients follow are {@link io.orrery.model.Lifecycle}.
 *
 * <p>May use: the JDK, Jackson and threeten-extra; no other part of Orrery (ArchitectureTest).
 */
package io.orrery.model;
