package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.InjectableInstance;

/** The {@code dead_letter} table: what the consumers of this service dead-lettered, until it is redriven. */
@ApplicationScoped
class DeadLetters {

    private static final String COLUMNS = "id, consumer, topic, kafka_partition, kafka_offset, record_key, record_value,"
            + " headers::text, ce_id, ce_type, error, exception, dead_lettered_at, redriven_at";

    record DeadLetter(UUID id, String consumer, String topic, int partition, long offset, String key, byte[] value,
            Map<String, String> headers, String ceId, String ceType, String error, String exception,
            Instant deadLetteredAt, Instant redrivenAt) {
    }

    private final InjectableInstance<DataSource> dataSources;
    private final ObjectMapper mapper;

    DeadLetters(InjectableInstance<DataSource> dataSources, ObjectMapper mapper) {
        this.dataSources = dataSources;
        this.mapper = mapper;
    }

    /** In the caller's transaction; a record dead-lettered twice (retried after a failure) is kept once. */
    void record(String consumer, ConsumerRecord<byte[], byte[]> record, Map<String, String> headers, String ceId,
            String ceType, String error, String exception) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dead_letter (id, consumer, topic, kafka_partition, kafka_offset, record_key, record_value,"
                        + " headers, ce_id, ce_type, error, exception) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
                        + " ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, consumer);
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            insert.setString(6, record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
            insert.setBytes(7, record.value());
            insert.setString(8, mapper.writeValueAsString(headers));
            insert.setString(9, ceId);
            insert.setString(10, ceType);
            insert.setString(11, truncate(error));
            insert.setString(12, exception);
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open (not redriven) dead letters, oldest first. */
    List<DeadLetter> open(int page, int size) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM dead_letter WHERE redriven_at IS NULL ORDER BY dead_lettered_at, id"
                        + " LIMIT ? OFFSET ?")) {
            query.setInt(1, size);
            query.setLong(2, (long) page * size);
            return read(query);
        }
    }

    long countOpen() throws SQLException {
        try (Connection connection = dataSources.get().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM dead_letter WHERE redriven_at IS NULL");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Open dead letters per consumer (for the metrics). */
    Map<String, Long> openPerConsumer() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT consumer, count(*) FROM dead_letter WHERE redriven_at IS NULL GROUP BY consumer");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    Optional<DeadLetter> find(UUID id) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")) {
            query.setObject(1, id);
            return read(query).stream().findFirst();
        }
    }

    /** In the caller's transaction (the one that applies it again). */
    void markRedriven(UUID id) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE dead_letter SET redriven_at = now() WHERE id = ? AND redriven_at IS NULL")) {
            update.setObject(1, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("dead letter " + id + " was redriven meanwhile");
            }
        }
    }

    /** Records why a redrive failed (the dead letter stays open). */
    void redriveFailed(UUID id, Throwable failure) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE dead_letter SET error = ?, exception = ? WHERE id = ?")) {
            Throwable root = FailureClassifier.rootCause(failure);
            update.setString(1, truncate(String.valueOf(root.getMessage())));
            update.setString(2, root.getClass().getName());
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    private List<DeadLetter> read(PreparedStatement query) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Map<String, String> headers;
                try {
                    headers = mapper.readValue(rs.getString(8), new TypeReference<LinkedHashMap<String, String>>() {
                    });
                } catch (JsonProcessingException e) {
                    headers = Map.of();
                }
                Timestamp redriven = rs.getTimestamp(14);
                letters.add(new DeadLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getString(6), rs.getBytes(7), headers, rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                        redriven == null ? null : redriven.toInstant()));
            }
        }
        return letters;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }
}
