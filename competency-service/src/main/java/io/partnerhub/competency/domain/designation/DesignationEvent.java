package io.partnerhub.competency.domain.designation;

/** P6: the kinds of event a transition publishes; {@link #type} names it for designations or specialisations. */
public enum DesignationEvent {
    ATTAINED("attained"), AT_RISK("at-risk"), RISK_CLEARED("risk-cleared"), LOST("lost");

    private final String name;

    DesignationEvent(String name) {
        this.name = name;
    }

    /** E.g. {@code designation.at-risk.v1} for subject {@code designation}. */
    public String type(String subject) {
        return subject + "." + name + ".v1";
    }
}
