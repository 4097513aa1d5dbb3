package io.partnerhub.chassis.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Only a unique key or an optimistic lock lost to a concurrent request is a 409; other constraint violations are not. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentModificationMapperTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://partnerhub.io/problems/";

    @Test
    void uniqueKeyTakenIsAConcurrentModification() {
        given().post("/test/constraints/unique").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "concurrent-modification"));
    }

    @Test
    void lostOptimisticLockIsAConcurrentModification() {
        given().post("/test/constraints/optimistic").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "concurrent-modification"));
        given().post("/test/constraints/stale").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "concurrent-modification"));
    }

    @Test
    void lostOptimisticLockAtCommitIsAConcurrentModification() {
        // Hibernate flushes at commit, after the resource method returned: the race arrives wrapped in the
        // transaction's RollbackException (and ArC's wrapper for an undeclared checked exception), not as itself
        given().post("/test/constraints/optimistic-at-commit").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "concurrent-modification"));
    }

    @Test
    void uniqueKeyTakenAtCommitIsAConcurrentModification() {
        given().post("/test/constraints/unique-at-commit").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "concurrent-modification"));
    }

    @Test
    void foreignKeyViolationIsAServerErrorNotAConflict() {
        given().post("/test/constraints/foreign-key").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "internal-error")).body("traceId", notNullValue());
    }

    @Test
    void notNullViolationIsAServerErrorNotAConflict() {
        given().post("/test/constraints/not-null").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "internal-error")).body("traceId", notNullValue());
    }

    @Test
    void checkConstraintViolationIsTheClientsInvalidRequest() {
        given().post("/test/constraints/check").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "invalid-request"));
    }

    @Test
    void statusFollowsTheConstraintKindHibernateReports() {
        assertEquals(409, ConcurrentModificationMapper.statusFor(ConstraintKind.UNIQUE));
        assertEquals(400, ConcurrentModificationMapper.statusFor(ConstraintKind.CHECK));
        assertEquals(500, ConcurrentModificationMapper.statusFor(ConstraintKind.NOT_NULL));
        assertEquals(500, ConcurrentModificationMapper.statusFor(ConstraintKind.FOREIGN_KEY));
        assertEquals(500, ConcurrentModificationMapper.statusFor(ConstraintKind.OTHER));
        assertEquals(500, ConcurrentModificationMapper.statusFor(null));
    }
}
