package io.partnerhub.competency.projection;

import java.lang.reflect.RecordComponent;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Native queries whose rows are records, not {@code Object[]}: each column, named as the result set labels it, is read
 * as the type of the record component at its position ({@link NativeQuery#addScalar(String, Class)}: a {@code date}
 * column becomes a {@code LocalDate}, a {@code timestamptz} an {@code Instant}), and Hibernate passes the row to the
 * record's canonical constructor, which Hibernate requires to be public (so is the record).
 */
public final class TypedRows {

    private TypedRows() {
    }

    /** @param columns the result set's column labels, in the order of the record's components */
    public static <R extends Record> NativeQuery<R> query(EntityManager em, String sql, Class<R> type, String... columns) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != columns.length) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + components.length + " components, not "
                    + columns.length + " columns");
        }
        NativeQuery<R> query = em.unwrap(Session.class).createNativeQuery(sql, type);
        for (int i = 0; i < columns.length; i++) {
            query.addScalar(columns[i], components[i].getType());
        }
        return query;
    }
}
