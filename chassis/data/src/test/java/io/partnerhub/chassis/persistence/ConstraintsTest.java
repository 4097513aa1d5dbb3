package io.partnerhub.chassis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;

/** A uniqueness race is recognised from Hibernate's constraint kind or, untranslated, from SQLState 23505. */
class ConstraintsTest {

    @Test
    void uniqueKindWrappedByJpaIsAUniqueViolation() {
        Throwable thrown = new PersistenceException("flush failed", violation(ConstraintKind.UNIQUE, "23505", "uk_email"));
        assertThat(Constraints.isUniqueViolation(thrown)).isTrue();
        assertThat(Constraints.violatedConstraint(thrown)).contains("uk_email");
    }

    @Test
    void untranslatedSqlState23505IsAUniqueViolation() {
        Throwable thrown = new PersistenceException(new RuntimeException(new SQLException("duplicate key", "23505")));
        assertThat(Constraints.isUniqueViolation(thrown)).isTrue();
        assertThat(Constraints.violatedConstraint(thrown)).isEmpty();
    }

    @Test
    void otherConstraintKindsAreNotUniqueViolations() {
        for (ConstraintKind kind : new ConstraintKind[] { ConstraintKind.CHECK, ConstraintKind.NOT_NULL,
                ConstraintKind.FOREIGN_KEY }) {
            Throwable thrown = new PersistenceException(violation(kind, "23503", "fk_org"));
            assertThat(Constraints.isUniqueViolation(thrown)).as(kind.name()).isFalse();
            assertThat(Constraints.violatedConstraint(thrown)).contains("fk_org");
        }
    }

    @Test
    void failuresWithoutAConstraintAreNotUniqueViolations() {
        assertThat(Constraints.isUniqueViolation(new PersistenceException(new SQLException("refused", "08001")))).isFalse();
        assertThat(Constraints.isUniqueViolation(new IllegalStateException())).isFalse();
        assertThat(Constraints.isUniqueViolation(null)).isFalse();
        assertThat(Constraints.violatedConstraint(new IllegalStateException())).isEqualTo(Optional.empty());
    }

    @Test
    void lostOptimisticLockInTheCauseChainIsFound() {
        assertThat(Constraints.isLostOptimisticLock(new PersistenceException(new OptimisticLockException()))).isTrue();
        assertThat(Constraints.isLostOptimisticLock(new RuntimeException(new StaleStateException("no row")))).isTrue();
        assertThat(Constraints.isLostOptimisticLock(new PersistenceException(violation(ConstraintKind.UNIQUE, "23505",
                "uk")))).isFalse();
    }

    @Test
    void theFirstViolationInTheChainIsReported() {
        ConstraintViolationException check = violation(ConstraintKind.CHECK, "23514", "ck_level");
        assertThat(Constraints.violation(new PersistenceException(check))).containsSame(check);
        assertThat(Constraints.violation(new PersistenceException())).isEmpty();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException outer = new RuntimeException();
        RuntimeException inner = new RuntimeException(outer);
        outer.initCause(inner);
        assertThat(Constraints.isUniqueViolation(outer)).isFalse();
        assertThat(Constraints.isLostOptimisticLock(outer)).isFalse();
    }

    private static ConstraintViolationException violation(ConstraintKind kind, String sqlState, String name) {
        return new ConstraintViolationException("violated", new SQLException("violated", sqlState), "insert ...", kind, name);
    }
}
