package io.partnerhub.chassis.security;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified bearer token: roles ({@code groups}), organisation ({@code org}) and candidate
 * ({@code candidate}). Data the caller may not see answers 404, so its existence does not leak.
 */
@RequestScoped
public class Caller {

    public static final String ORGANIZATION_CLAIM = "org";
    public static final String CANDIDATE_CLAIM = "candidate";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    public boolean isOps() {
        return hasRole(Roles.OPS);
    }

    /** The token's subject ({@code sub}), empty for an anonymous caller. */
    public Optional<String> subject() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(token.getSubject());
    }

    public Optional<String> organizationId() {
        return claim(ORGANIZATION_CLAIM);
    }

    public Optional<String> candidateId() {
        return claim(CANDIDATE_CLAIM);
    }

    /** ops and exam-provider see every candidate; an employee only themself; anyone else gets 404. */
    public void requireCandidate(String candidateId) {
        if (isOps() || hasRole(Roles.EXAM_PROVIDER)) {
            return;
        }
        if (hasRole(Roles.EMPLOYEE) && candidateId().filter(own -> Objects.equals(own, candidateId)).isPresent()) {
            return;
        }
        throw new ResourceNotFound("candidate", candidateId);
    }

    /** ops see every organisation; a partner-admin or employee only their own; anyone else gets 404. */
    public void requireOrganization(String organizationId) {
        if (isOps()) {
            return;
        }
        if ((hasRole(Roles.PARTNER_ADMIN) || hasRole(Roles.EMPLOYEE))
                && organizationId().filter(own -> Objects.equals(own, organizationId)).isPresent()) {
            return;
        }
        throw new ResourceNotFound("organization", organizationId);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
