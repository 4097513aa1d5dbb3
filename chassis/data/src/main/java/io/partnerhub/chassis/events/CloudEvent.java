package io.partnerhub.chassis.events;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * CloudEvents 1.0 envelope, structured JSON mode. This is the exact JSON that travels as the Kafka record value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject,
        Instant time, String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** Tolerant reader used by {@link #dataAs}: unknown fields ignored, java.time supported. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    /** A new envelope with a random id and {@code specversion} 1.0, {@code datacontenttype} application/json. */
    public static CloudEvent of(String source, String type, String subject, Instant time, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time, JSON, data);
    }

    /** The data as the given type (records welcome); fields the type does not know are ignored. */
    public <T> T dataAs(Class<T> type) {
        try {
            return READER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CloudEvent " + id + " (" + this.type + ") data is not a "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The structured-mode JSON of this event. */
    public String toJson() {
        try {
            return READER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize CloudEvent " + id, e);
        }
    }

    /**
     * Parses a structured-mode CloudEvent and checks the required attributes (specversion 1.0, id, source, type).
     *
     * @throws IllegalArgumentException when the bytes are not such an event
     */
    public static CloudEvent parse(byte[] json) {
        CloudEvent event;
        try {
            event = READER.readValue(json, CloudEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("not a CloudEvent: empty value");
        }
        if (!SPEC_VERSION.equals(event.specversion())) {
            throw new IllegalArgumentException("unsupported CloudEvent specversion: " + event.specversion());
        }
        if (isBlank(event.id()) || isBlank(event.source()) || isBlank(event.type())) {
            throw new IllegalArgumentException("CloudEvent lacks a required attribute (id, source, type)");
        }
        return event;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
