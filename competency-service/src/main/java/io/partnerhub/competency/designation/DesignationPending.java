package io.partnerhub.competency.designation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

/**
 * Issue 25 stage 8: which organisations' designations are still to be evaluated ({@code designation_pending}, V16).
 * {@link #mark} writes the marker in the caller's transaction (the consumer's, with the competency status: durable with
 * it) and hands the organisations to {@link DesignationWorker} once that transaction has committed; the worker reads the
 * marker under the organisation's lock ({@link #lockAndFind}) and deletes it in the evaluation's transaction ({@link #delete}),
 * only if no mark came after the one it read.
 */
@ApplicationScoped
public class DesignationPending {

    private static final String AFTER_COMMIT = "designation-pending:organizations";

    /** A marker as read: its version (marks counted) and whether a performance report came since it was written. */
    public record Marker(String organizationId, long version, boolean factsChanged) {
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final DesignationWorker worker;

    public DesignationPending(EntityManager em, TransactionSynchronizationRegistry transactions, DesignationWorker worker) {
        this.em = em;
        this.transactions = transactions;
        this.worker = worker;
    }

    /**
     * Marks the organisations (one statement, sorted; {@code factsChanged}: every area is to be evaluated, not only those
     * whose counts moved) in the caller's transaction; after its commit the worker is handed them.
     */
    public void mark(Collection<String> organizationIds, boolean factsChanged) {
        if (organizationIds.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(organizationIds));
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO designation_pending (organization_id, since,"
                    + " facts_changed) SELECT o, now(), ? FROM unnest(?::text[]) AS m(o) ON CONFLICT (organization_id) DO UPDATE"
                    + " SET version = designation_pending.version + 1,"
                    + " facts_changed = designation_pending.facts_changed OR excluded.facts_changed")) {
                upsert.setBoolean(1, factsChanged);
                upsert.setArray(2, connection.createArrayOf("text", sorted.toArray()));
                upsert.executeUpdate();
            }
        });
        afterCommit(sorted);
    }

    @SuppressWarnings("unchecked")
    private void afterCommit(List<String> organizationIds) {
        if (transactions.getTransactionKey() == null) {
            worker.wake(organizationIds);
            return;
        }
        Set<String> marked = (Set<String>) transactions.getResource(AFTER_COMMIT);
        if (marked != null) {
            marked.addAll(organizationIds);
            return;
        }
        Set<String> collected = new LinkedHashSet<>(organizationIds);
        transactions.putResource(AFTER_COMMIT, collected);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake(collected); // a rollback leaves no marker: nothing to evaluate
                }
            }
        });
    }

    /**
     * Issue #25: takes the organisation's lock (the consumers' and {@link io.partnerhub.competency.status.StatusRecompute#lock}'s),
     * then reads its marker, two statements in one round trip (PostgreSQL runs them one after the other, each with its
     * own snapshot: the read sees every mark committed before the lock was granted). Call in a transaction that does not
     * hold the lock yet (the worker's own).
     */
    public Optional<Marker> lockAndFind(String organizationId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('competency-organization'), hashtext(?));"
                    + " SELECT version, facts_changed FROM designation_pending WHERE organization_id = ?")) {
                read.setString(1, organizationId);
                read.setString(2, organizationId);
                read.execute();
                read.getMoreResults();
                try (ResultSet row = read.getResultSet()) {
                    return row.next() ? Optional.of(new Marker(organizationId, row.getLong(1), row.getBoolean(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Deletes the marker unless it was marked again since it was read (then it stays for the next evaluation): added to
     * {@code writes}, sent with the evaluation's (issue #25).
     */
    public void delete(DesignationStore.Writes writes, Marker marker) {
        writes.add("DELETE FROM designation_pending WHERE organization_id = ? AND version = ?", marker.organizationId(),
                marker.version());
    }

    /** Up to {@code limit} marked organisations after {@code after} (null: from the first), by id: the sweep's pages. */
    public List<String> marked(String after, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement("SELECT organization_id FROM designation_pending"
                    + " WHERE organization_id > ? ORDER BY organization_id LIMIT ?")) {
                read.setString(1, after == null ? "" : after);
                read.setInt(2, limit);
                List<String> organizations = new ArrayList<>();
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        organizations.add(rows.getString(1));
                    }
                }
                return organizations;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
