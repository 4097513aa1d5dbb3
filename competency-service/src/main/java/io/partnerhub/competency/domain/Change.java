package io.partnerhub.competency.domain;

/** K4 changes of an organisation's competency status; each is published as {@code competency.<name>.v1}. */
public enum Change {
    ATTAINED("attained"), RENEWED("renewed"), AT_RISK("at-risk"), RISK_CLEARED("risk-cleared"), LAPSED("lapsed");

    private final String eventName;

    Change(String eventName) {
        this.eventName = eventName;
    }

    /** {@code io.partnerhub.competency.<name>.v1}. */
    public String eventType() {
        return "io.partnerhub.competency." + eventName + ".v1";
    }
}
