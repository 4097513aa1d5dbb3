package io.partnerhub.membership.domain;

import java.util.List;

/** M5 the membership levels and the benefits of each (a higher level has those of the lower ones too). */
public enum MembershipLevel {
    NETWORK_MEMBER(List.of("Partner network listing", "Partner community and learning resources")),
    SILVER(List.of("Partner network listing", "Partner community and learning resources", "Silver partner badge",
            "Internal-use software licences", "Technical presales and deployment support")),
    GOLD(List.of("Partner network listing", "Partner community and learning resources", "Gold partner badge",
            "Internal-use software licences", "Technical presales and deployment support",
            "Partner account manager", "Co-selling and marketing funds"));

    private final List<String> benefits;

    MembershipLevel(List<String> benefits) {
        this.benefits = benefits;
    }

    public List<String> benefits() {
        return benefits;
    }

    /** The benefit packs that can be bought. */
    public boolean purchasable() {
        return this != NETWORK_MEMBER;
    }
}
