package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one place where a CloudEvent meets a Kafka record, both ways: an outbox row becomes a record (structured-mode
 * JSON value, key = subject, headers {@code ce_type}, {@code ce_id}, {@code content-type}, {@code traceparent}); a
 * record's value becomes a {@link CloudEvent}; a record that cannot be applied becomes its {@code <topic>.dlq} copy
 * (the original headers plus {@code dlq-*}); headers become the text map kept with a dead letter, and back.
 */
final class KafkaRecords {

    static final String DLQ_SUFFIX = ".dlq";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private KafkaRecords() {
    }

    /** The record an outbox row is sent as. */
    static ProducerRecord<String, String> outgoing(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(header("ce_type", row.type()));
        record.headers().add(header("ce_id", row.id().toString()));
        record.headers().add(header("content-type", CONTENT_TYPE));
        if (row.traceparent() != null) {
            record.headers().add(header(Tracing.TRACEPARENT, row.traceparent()));
        }
        return record;
    }

    /**
     * The CloudEvent a record value (or a dead letter's) carries; a null value is an empty one.
     *
     * @throws IllegalArgumentException when it is not a CloudEvent
     */
    static CloudEvent event(byte[] value) {
        return CloudEvent.parse(value == null ? new byte[0] : value);
    }

    /** The copy of a record that goes to {@code <topic>.dlq}: same key, value and headers, plus why and whence. */
    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, String consumer, Throwable cause) {
        ProducerRecord<byte[], byte[]> dlq = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            dlq.headers().add(header);
        }
        dlq.headers().add(header("dlq-error", String.valueOf(cause.getMessage())));
        dlq.headers().add(header("dlq-exception", cause.getClass().getName()));
        dlq.headers().add(header("dlq-original-topic", record.topic()));
        dlq.headers().add(header("dlq-original-partition", Integer.toString(record.partition())));
        dlq.headers().add(header("dlq-original-offset", Long.toString(record.offset())));
        dlq.headers().add(header("dlq-consumer", consumer));
        return dlq;
    }

    /** Headers as text, the last one of a name winning (kept with a dead letter). */
    static Map<String, String> text(Headers headers) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Header header : headers) {
            names.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return names;
    }

    /** Headers from their text (a dead letter's, when it is redriven). */
    static Headers headers(Map<String, String> text) {
        Headers headers = new RecordHeaders();
        text.forEach((key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** The last header of that name as text, or null. */
    static String lastHeader(Headers headers, String key) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
