package io.partnerhub.chassis.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified bearer token: roles ({@code groups}), organisation ({@code org}), candidate
 * ({@code candidate}) and exam provider ({@code provider}). Data the caller may not see answers 404, so its existence
 * does not leak.
 */
@RequestScoped
public class Caller {

    public static final String ORGANIZATION_CLAIM = "org";
    public static final String CANDIDATE_CLAIM = "candidate";
    public static final String PROVIDER_CLAIM = "provider";
    /** The reporting system a reporter token acts for (DESIGN.md §6): each performance figure keeps it. */
    public static final String SOURCE_CLAIM = "source";
    /** The assessment system an assessment-provider token acts for; each service checks it against its configured list. */
    public static final String SYSTEM_CLAIM = "system";
    /** The values claim {@code provider} of an exam-provider token may take (DESIGN.md §6). */
    public static final Set<String> EXAM_PROVIDERS = Set.of("PEARSON_VUE", "PSI");

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

    /** The exam provider an exam-provider token acts for (claim {@code provider}); empty when absent or not a known provider. */
    public Optional<String> provider() {
        return claim(PROVIDER_CLAIM).filter(EXAM_PROVIDERS::contains);
    }

    /**
     * The assessment system an assessment-provider caller acts for (claim {@code system}), when it is one of
     * {@code known}; empty for any other caller, a token without it or a system not in the list.
     */
    public Optional<String> assessmentSystem(java.util.Collection<String> known) {
        return hasRole(Roles.ASSESSMENT_PROVIDER) ? claim(SYSTEM_CLAIM).filter(known::contains) : Optional.empty();
    }

    /** The reporting system a reporter token acts for (claim {@code source}); empty when absent or blank. */
    public Optional<String> source() {
        return claim(SOURCE_CLAIM);
    }

    /**
     * The reporting system a reporter caller acts for. 403 when the caller is not a reporter or its token names no
     * {@code source}: a figure is always kept with the system that reported it.
     */
    public String requireSource() {
        if (!hasRole(Roles.REPORTER)) {
            throw forbidden("Only a reporter token reports for a source.");
        }
        return source().orElseThrow(() -> forbidden(
                "A reporter token must name its reporting system in claim '" + SOURCE_CLAIM + "'."));
    }

    /** An exam-provider caller that is not also ops (ops may do everything, so its provider claim restricts nothing). */
    public boolean isExamProvider() {
        return !isOps() && hasRole(Roles.EXAM_PROVIDER);
    }

    /**
     * The provider an exam-provider caller acts for. 403 when the token carries no valid {@code provider} claim (or the
     * caller is not an exam-provider at all): such a token may act on nothing.
     */
    public String requireProvider() {
        if (!isExamProvider()) {
            throw forbidden("Only an exam-provider token acts for a provider.");
        }
        return provider().orElseThrow(() -> forbidden(
                "An exam-provider token must name its provider in claim '" + PROVIDER_CLAIM + "' (one of "
                        + EXAM_PROVIDERS.stream().sorted().toList() + ")."));
    }

    /**
     * ops may act on every resource; an exam-provider only on one of its own provider ({@code provider}), another
     * provider's answers 404 like a foreign tenant's (403 without a valid provider claim); any other role gets 404.
     */
    public void requireProvider(String provider, String resource, String id) {
        if (isOps()) {
            return;
        }
        if (hasRole(Roles.EXAM_PROVIDER) && requireProvider().equals(provider)) {
            return;
        }
        throw new ResourceNotFound(resource, id);
    }

    /**
     * A candidate's personal data (attempts, eligibility, vouchers): ops, or an employee for their own candidate; anyone
     * else, exam providers included, gets 404 (an exam-provider token without a valid provider claim gets 403). Unlike
     * {@link #requireCandidate}, providers may not browse candidates.
     */
    public void requireOwnCandidate(String candidateId) {
        if (isOps()) {
            return;
        }
        if (hasRole(Roles.EMPLOYEE) && candidateId().filter(own -> Objects.equals(own, candidateId)).isPresent()) {
            return;
        }
        if (isExamProvider()) {
            requireProvider(); // a token without its provider is refused outright
        }
        throw new ResourceNotFound("candidate", candidateId);
    }

    /**
     * A candidate's certification data (transcript, holdings): ops, or an employee for their own candidate; anyone else
     * gets 404, exam providers included (they act on their own registrations only, DESIGN.md §6).
     */
    public void requireCandidate(String candidateId) {
        if (isOps()) {
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

    private static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", "Forbidden", detail);
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
