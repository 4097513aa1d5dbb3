package io.partnerhub.competency.domain.designation;

/**
 * P6: the state of a designation (or a specialisation, P8) of one organisation. NONE: never held; ATTAINED: eligible
 * and not held before; KEPT: held and qualifying today; AT_RISK: held, not qualifying today, but the window still
 * holds a qualifying day; LOST: the window rolled past its last qualifying day.
 */
public enum DesignationState {
    NONE, ATTAINED, KEPT, AT_RISK, LOST;

    public boolean held() {
        return this == ATTAINED || this == KEPT || this == AT_RISK;
    }
}
