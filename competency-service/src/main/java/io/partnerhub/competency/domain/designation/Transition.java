package io.partnerhub.competency.domain.designation;

import java.util.Objects;
import java.util.Optional;

/**
 * P6: the designation state after an evaluation, and the event to publish (none when nothing a subscriber acts on
 * changed). Pure: {@code old state + standing -> new state + event}.
 */
public record Transition(DesignationState state, Optional<DesignationEvent> event) {

    /** What an evaluation found: eligible (a qualifying day in the window) and whether today qualifies. */
    public record Standing(boolean eligible, boolean qualifiesToday) {
        public Standing {
            if (qualifiesToday && !eligible) {
                throw new IllegalArgumentException("a qualifying day makes the window eligible");
            }
        }
    }

    public Transition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }

    public static Transition from(DesignationState old, Standing standing) {
        if (!old.held()) {
            return standing.eligible() ? new Transition(DesignationState.ATTAINED, Optional.of(DesignationEvent.ATTAINED))
                    : new Transition(old, Optional.empty());
        }
        if (!standing.eligible()) {
            return new Transition(DesignationState.LOST, Optional.of(DesignationEvent.LOST));
        }
        if (standing.qualifiesToday()) {
            // recovering from at risk is news to whoever acted on the risk (membership's renewal, an alert)
            return new Transition(DesignationState.KEPT,
                    old == DesignationState.AT_RISK ? Optional.of(DesignationEvent.RISK_CLEARED) : Optional.empty());
        }
        return new Transition(DesignationState.AT_RISK,
                old == DesignationState.AT_RISK ? Optional.empty() : Optional.of(DesignationEvent.AT_RISK));
    }
}
