/**
 * Publishing and consuming the migration topics. {@link dev.ficus.core.stream.EventPublisher} and
 * {@link dev.ficus.core.stream.EventConsumer} are the transport-neutral interfaces; the Redis Streams
 * implementations ({@link dev.ficus.core.stream.RedisStreamPublisher}, {@link dev.ficus.core.stream.RedisStreamConsumer})
 * write and read entries the way Dapr's Redis pub/sub does (one field {@code data} holding an opaque payload, {@code MAXLEN ~}, consumer
 * groups named after the service). A Kafka transport would be two more implementations; the event envelope in
 * {@code dev.ficus.events} (module ficus-events, which this one does not depend on) does not change.
 *
 * <p>Create the Redis client with {@link dev.ficus.core.stream.RedisClients#create} (RESP2, so replies have the
 * shape the consumer parses).
 */
package dev.ficus.core.stream;
