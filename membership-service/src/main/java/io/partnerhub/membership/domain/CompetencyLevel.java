package io.partnerhub.membership.domain;

/** The level an organisation attained in one competency, as the competency service reports it. */
public enum CompetencyLevel {
    NONE, SILVER, GOLD;

    /** GOLD meets a SILVER requirement too. */
    public boolean meets(MembershipLevel level) {
        return switch (level) {
            case NETWORK_MEMBER -> true;
            case SILVER -> this == SILVER || this == GOLD;
            case GOLD -> this == GOLD;
            case SOLUTIONS_PARTNER -> false; // earned by a designation, not a competency level
        };
    }
}
