package io.partnerhub.chassis.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * One kind of state a snapshot re-publishes: a page query ordered by its key (first column, compared as text, two
 * parameters: the last key read and the page size) and the event one row becomes.
 */
public record SnapshotPart(String name, String pageSql, RowEvent event) {

    /** What one row of the page becomes, given the snapshot's marker for it. */
    @FunctionalInterface
    public interface RowEvent {
        DomainEvent of(ResultSet row, Marker marker) throws SQLException;
    }

    /** What every snapshot event carries besides its data. */
    public record Marker(String snapshotId, String reference, long sequence) {
    }
}
