package io.partnerhub.chassis.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hibernate.StaleObjectStateException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test-only: provokes each kind of database constraint violation (and a lost optimistic lock) through Hibernate. */
@Path("/test/constraints")
@Produces(MediaType.APPLICATION_JSON)
public class ConstraintResource {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public ConstraintResource(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    @POST
    @Path("/{kind}")
    @PermitAll
    @Transactional
    public String violate(@PathParam("kind") String kind) {
        QuarkusTransaction.requiringNew().run(this::createTables);
        String sql = switch (kind) {
            case "unique" -> "insert into test_constraint_row (code, amount) values ('taken', 1)";
            case "check" -> "insert into test_constraint_row (code, amount) values (gen_random_uuid()::text, -1)";
            case "not-null" -> "insert into test_constraint_row (code, amount) values (null, 1)";
            case "foreign-key" -> "insert into test_constraint_child (parent_code) values ('no-such-parent')";
            case "optimistic" -> throw new OptimisticLockException("lost the race (test)");
            case "stale" -> throw new StaleObjectStateException("TestEntity", 1L);
            // the two races that surface only at commit, after the method returned (Hibernate flushes entities in
            // beforeCompletion; a deferred constraint is checked by PostgreSQL at COMMIT)
            case "optimistic-at-commit" -> {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        throw new OptimisticLockException("lost the race at commit (test)");
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
                yield "update test_constraint_row set amount = amount where false";
            }
            case "unique-at-commit" -> "insert into test_constraint_deferred (code) values ('taken')";
            default -> "select 1";
        };
        em.createNativeQuery(sql).executeUpdate();
        em.flush();
        return "{\"violated\":false}";
    }

    void createTables() {
        em.createNativeQuery("""
                create table if not exists test_constraint_row (
                    code   text primary key,
                    amount integer not null check (amount >= 0));
                create table if not exists test_constraint_child (
                    id          bigserial primary key,
                    parent_code text not null references test_constraint_row (code));
                create table if not exists test_constraint_deferred (
                    code text constraint test_constraint_deferred_code unique deferrable initially deferred);
                insert into test_constraint_row (code, amount) values ('taken', 1) on conflict do nothing;
                insert into test_constraint_deferred (code) select 'taken'
                    where not exists (select 1 from test_constraint_deferred)
                """).executeUpdate();
    }
}
