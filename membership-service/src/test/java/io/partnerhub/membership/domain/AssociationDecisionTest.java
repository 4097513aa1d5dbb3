package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.membership.domain.AssociationDecision.Held;

class AssociationDecisionTest {

    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER_ORG = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_USER = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** candidateHeldBy: none | this-account | same-org-other-account | other-org; accountHolds: none | same | other. */
    @ParameterizedTest(name = "active={0}, candidate held by {1}, account holds {2} -> {3}")
    @CsvSource({
            "true,  none,                   none,  JOIN",
            "true,  this-account,           same,  ALREADY_ASSOCIATED",
            "true,  other-org,              none,  SEVER_THEN_JOIN",
            "true,  same-org-other-account, none,  HELD_BY_ANOTHER_ACCOUNT",
            "true,  none,                   other, ACCOUNT_HAS_OTHER_CANDIDATE",
            "true,  other-org,              other, ACCOUNT_HAS_OTHER_CANDIDATE",
            "false, none,                   none,  ACCOUNT_INACTIVE",
            "false, other-org,              none,  ACCOUNT_INACTIVE" })
    void decidesHowACandidateIdIsAssociatedWithOneOrganisationAtATime(boolean active, String candidateHeldBy,
            String accountHolds, AssociationDecision expected) {
        Held byCandidate = switch (candidateHeldBy) {
            case "this-account" -> new Held(ORG, USER, "cand-1");
            case "same-org-other-account" -> new Held(ORG, OTHER_USER, "cand-1");
            case "other-org" -> new Held(OTHER_ORG, OTHER_USER, "cand-1");
            default -> null;
        };
        Held byAccount = switch (accountHolds) {
            case "same" -> new Held(ORG, USER, "cand-1");
            case "other" -> new Held(ORG, USER, "cand-2");
            default -> null;
        };
        assertEquals(expected, AssociationDecision.decide(ORG, USER, active, "cand-1", byCandidate, byAccount));
    }
}
