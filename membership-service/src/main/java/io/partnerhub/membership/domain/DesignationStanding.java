package io.partnerhub.membership.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * M7 what membership knows of one Solutions Partner designation of an organisation, from the designation events:
 * whether it is held (attained, kept or at risk: the qualification window still holds a qualifying day), whether it
 * is at risk, its track and score when last told, and the day the window drops its last qualifying day.
 */
public record DesignationStanding(String solutionAreaId, String name, boolean held, boolean atRisk, String track,
        BigDecimal score, LocalDate holdsUntil) {

    public DesignationStanding {
        Objects.requireNonNull(solutionAreaId, "solutionAreaId");
    }
}
