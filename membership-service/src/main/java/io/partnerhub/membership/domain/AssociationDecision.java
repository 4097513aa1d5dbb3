package io.partnerhub.membership.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * M2 what associating a candidate id with a user account means, given the candidate id's active association (if any)
 * and the account's. A candidate id belongs to ONE organisation at a time.
 */
public enum AssociationDecision {
    /** Nothing active: associate (employee.joined). */
    JOIN,
    /** Already associated with this very account: nothing changes, no event. */
    ALREADY_ASSOCIATED,
    /** Held by another organisation: sever that first (employee.left ASSOCIATED_ELSEWHERE), then join. */
    SEVER_THEN_JOIN,
    /** Held by another account of the same organisation: refused (409); that account must depart first. */
    HELD_BY_ANOTHER_ACCOUNT,
    /** The account is associated with a different candidate id: refused (409). */
    ACCOUNT_HAS_OTHER_CANDIDATE,
    /** The account has departed (or was removed): refused (409). */
    ACCOUNT_INACTIVE;

    /** An active association: which organisation and account hold which candidate id. */
    public record Held(UUID organizationId, UUID userId, String candidateId) {
    }

    /**
     * @param organizationId the organisation of the account
     * @param userId the account
     * @param accountActive false once the account departed or was removed
     * @param candidateId the candidate id to associate
     * @param heldByCandidate the active association of {@code candidateId}, or null
     * @param heldByAccount the active association of the account, or null
     */
    public static AssociationDecision decide(UUID organizationId, UUID userId, boolean accountActive, String candidateId,
            Held heldByCandidate, Held heldByAccount) {
        if (!accountActive) {
            return ACCOUNT_INACTIVE;
        }
        if (heldByAccount != null && !Objects.equals(heldByAccount.candidateId(), candidateId)) {
            return ACCOUNT_HAS_OTHER_CANDIDATE;
        }
        if (heldByCandidate == null) {
            return JOIN;
        }
        if (heldByCandidate.userId().equals(userId)) {
            return ALREADY_ASSOCIATED;
        }
        if (heldByCandidate.organizationId().equals(organizationId)) {
            return HELD_BY_ANOTHER_ACCOUNT;
        }
        return SEVER_THEN_JOIN;
    }
}
