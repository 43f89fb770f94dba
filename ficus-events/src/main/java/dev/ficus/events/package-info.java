/**
 * The migration events: what the sync publishes and the read services consume, independent of the transport.
 *
 * <ul>
 *   <li>{@link dev.ficus.events.Topics}: the topic names (a contract).</li>
 *   <li>{@link dev.ficus.events.ChangeEvent}: one change of one entity — {@code op} (upsert | delete),
 *       {@code entity_type}, {@code magento_id}, {@code id} (platform UUID), the flattened {@code record} (the whole
 *       state, never a diff) and the {@link dev.ficus.events.SourcePosition source position}.</li>
 *   <li>{@link dev.ficus.events.SourcePosition}: totally ordered per entity. Apply an event only if its position
 *       {@link dev.ficus.events.SourcePosition#isAfter is after} the one stored with the entity; that makes
 *       duplicates (delivery is at-least-once) and late arrivals harmless.</li>
 *   <li>{@link dev.ficus.events.CloudEventCodec}: CloudEvents 1.0 JSON, the payload of the single {@code data}
 *       field of a stream entry, as Dapr writes it.</li>
 *   <li>{@link dev.ficus.events.DeadLetter}: what lands on {@code migration.dlq}.</li>
 * </ul>
 *
 * A consumer's loop, in short: read a {@code StreamRecord}, {@code CloudEventCodec.decode(record.data())}, look up
 * the stored position for {@code (entity_type, id)}, apply and store the new position in one transaction if the
 * event is after it, then acknowledge the record (also when it was skipped as old).
 */
package dev.ficus.events;
