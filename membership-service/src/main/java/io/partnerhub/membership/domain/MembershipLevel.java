package io.partnerhub.membership.domain;

import java.util.List;

/** M5 the membership levels and the benefits of each (a higher level has those of the lower ones too). */
public enum MembershipLevel {
    NETWORK_MEMBER(List.of("Partner network listing", "Partner community and learning resources")),
    SILVER(List.of("Partner network listing", "Partner community and learning resources", "Silver partner badge",
            "Internal-use software licences", "Technical presales and deployment support")),
    GOLD(List.of("Partner network listing", "Partner community and learning resources", "Gold partner badge",
            "Internal-use software licences", "Technical presales and deployment support",
            "Partner account manager", "Co-selling and marketing funds")),
    /**
     * The successor programme's benefits pack (M7): earned by a Solutions Partner designation, not by a competency.
     * It comes after GOLD, so buying it while a Silver or Gold subscription runs is a switch to the new programme
     * (the old subscription ends today, as an upgrade does), and a Silver or Gold pack cannot be bought while it runs.
     */
    SOLUTIONS_PARTNER(List.of("Partner network listing", "Partner community and learning resources",
            "Solutions Partner badge for each designation held", "Internal-use software licences",
            "Technical presales and deployment support", "Partner account manager", "Co-selling and marketing funds",
            "Customer-facing listing of each designation"));

    private final List<String> benefits;

    MembershipLevel(List<String> benefits) {
        this.benefits = benefits;
    }

    public List<String> benefits() {
        return benefits;
    }

    /** Whether the pack is earned by a designation (the successor programme) rather than by a competency level. */
    public boolean byDesignation() {
        return this == SOLUTIONS_PARTNER;
    }

    /** The benefit packs that can be bought. */
    public boolean purchasable() {
        return this != NETWORK_MEMBER;
    }
}
