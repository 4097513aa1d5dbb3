package io.partnerhub.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may see what, from a stub identity and token (no Quarkus app): the chassis/data CallerTest covers the wiring. */
class CallerTest {

    private static Caller caller(Set<String> roles, Map<String, Object> claims) {
        SecurityIdentity identity = (SecurityIdentity) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] { SecurityIdentity.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "isAnonymous" -> roles == null;
                    case "hasRole" -> roles != null && roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        JsonWebToken token = (JsonWebToken) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] { JsonWebToken.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getClaim" -> claims.get((String) args[0]);
                    case "getSubject" -> claims.get("sub");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new Caller(identity, token);
    }

    private static Caller anonymous() {
        return caller(null, Map.of("org", "org-1", "sub", "someone"));
    }

    @Test
    void anAnonymousCallerHasNoRoleAndNoClaims() {
        Caller caller = anonymous();
        assertThat(caller.isOps()).isFalse();
        assertThat(caller.subject()).isEmpty();
        assertThat(caller.organizationId()).isEmpty();
    }

    @Test
    void readsItsClaimsAndTakesABlankOneForNone() {
        Caller caller = caller(Set.of(Roles.EMPLOYEE), Map.of("sub", "ana", "org", "org-1", "candidate", " "));
        assertThat(caller.subject()).contains("ana");
        assertThat(caller.organizationId()).contains("org-1");
        assertThat(caller.candidateId()).isEmpty();
    }

    @Test
    void opsSeeEveryOrganisationAndCandidate() {
        Caller ops = caller(Set.of(Roles.OPS), Map.of());
        ops.requireOrganization("any");
        ops.requireCandidate("anyone");
        ops.requireOwnCandidate("anyone");
        ops.requireProvider("PSI", "registration", "r-1");
    }

    @Test
    void aPartnerAdminSeesOnlyTheirOwnOrganisationAndAnotherOneIsNotFound() {
        Caller admin = caller(Set.of(Roles.PARTNER_ADMIN), Map.of("org", "org-1"));
        admin.requireOrganization("org-1");
        assertThatThrownBy(() -> admin.requireOrganization("org-2")).isInstanceOf(ResourceNotFound.class);
        assertThatThrownBy(() -> admin.requireCandidate("c-1")).isInstanceOf(ResourceNotFound.class);
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnCandidate() {
        Caller employee = caller(Set.of(Roles.EMPLOYEE), Map.of("candidate", "c-1", "org", "org-1"));
        employee.requireCandidate("c-1");
        employee.requireOwnCandidate("c-1");
        assertThatThrownBy(() -> employee.requireCandidate("c-2")).isInstanceOf(ResourceNotFound.class);
        assertThatThrownBy(() -> employee.requireOwnCandidate("c-2")).isInstanceOf(ResourceNotFound.class);
    }

    @Test
    void anExamProviderActsOnlyForAKnownProviderOfItsToken() {
        Caller pearson = caller(Set.of(Roles.EXAM_PROVIDER), Map.of("provider", "PEARSON_VUE"));
        assertThat(pearson.isExamProvider()).isTrue();
        assertThat(pearson.requireProvider()).isEqualTo("PEARSON_VUE");
        pearson.requireProvider("PEARSON_VUE", "registration", "r-1");
        assertThatThrownBy(() -> pearson.requireProvider("PSI", "registration", "r-1")).isInstanceOf(ResourceNotFound.class);
        assertThatThrownBy(() -> pearson.requireOwnCandidate("c-1")).isInstanceOf(ResourceNotFound.class);

        Caller unknown = caller(Set.of(Roles.EXAM_PROVIDER), Map.of("provider", "ACME"));
        assertThat(unknown.provider()).isEmpty();
        assertThat(catchThrowableOfType(DomainException.class, unknown::requireProvider).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(DomainException.class, () -> unknown.requireOwnCandidate("c-1")).status())
                .isEqualTo(403);
    }

    @Test
    void anAssessmentProviderActsOnlyForAConfiguredSystemOfItsToken() {
        List<String> configured = List.of("lms-a", "lms-b");
        assertThat(caller(Set.of(Roles.ASSESSMENT_PROVIDER), Map.of("system", "lms-a")).assessmentSystem(configured)).contains("lms-a");
        assertThat(caller(Set.of(Roles.ASSESSMENT_PROVIDER), Map.of("system", "lms-x")).assessmentSystem(configured)).isEmpty();
        assertThat(caller(Set.of(Roles.ASSESSMENT_PROVIDER), Map.of()).assessmentSystem(configured)).isEmpty();
        assertThat(caller(Set.of(Roles.EXAM_PROVIDER), Map.of("system", "lms-a")).assessmentSystem(configured)).isEmpty();
        assertThat(caller(Set.of(Roles.OPS), Map.of("system", "lms-a")).assessmentSystem(configured)).isEmpty();
    }

    @Test
    void opsWithAProviderClaimIsNotRestrictedToIt() {
        Caller ops = caller(Set.of(Roles.OPS, Roles.EXAM_PROVIDER), Map.of("provider", "PSI"));
        assertThat(ops.isExamProvider()).isFalse();
        ops.requireProvider("PEARSON_VUE", "registration", "r-1");
    }

    @Test
    void aReporterReportsForTheSourceOfItsTokenAndNobodyElseDoes() {
        assertThat(caller(Set.of(Roles.REPORTER), Map.of("source", "crm")).requireSource()).isEqualTo("crm");
        assertThat(catchThrowableOfType(DomainException.class,
                () -> caller(Set.of(Roles.REPORTER), Map.of()).requireSource()).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> caller(Set.of(Roles.OPS), Map.of("source", "crm")).requireSource()).status()).isEqualTo(403);
    }
}
