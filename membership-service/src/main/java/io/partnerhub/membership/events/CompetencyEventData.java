package io.partnerhub.membership.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.partnerhub.membership.domain.CompetencyLevel;

/**
 * The data of the competency service's {@code io.partnerhub.competency.attained/renewed/at-risk/risk-cleared/lapsed.v1}
 * on competency-events (DESIGN §3; the types are {@link io.partnerhub.membership.domain.CompetencyChange}'s):
 * {organizationId, competencyId, level, validUntil, reasons[]}. A tolerant reader: unknown fields are ignored;
 * {@code validUntil} may be a date ({@code 2027-11-30}), an instant or absent; {@code level} NONE, SILVER or GOLD (any
 * case; absent = NONE); {@code reasons} may be absent. Data with a required field missing or malformed does not read:
 * the constructor throws {@link IllegalArgumentException}, so {@code CloudEvent.dataAs} fails deterministically and the
 * record is dead-lettered after the bounded attempts.
 */
public record CompetencyEventData(String organizationId, String competencyId, String level, String validUntil,
        List<String> reasons) {

    public CompetencyEventData {
        organizationUuid(organizationId);
        if (competencyId == null || competencyId.isBlank() || competencyId.length() > 64) {
            throw new IllegalArgumentException("competencyId must be 1 to 64 characters");
        }
        levelValue(level);
        validUntilDate(validUntil);
    }

    public UUID organizationUuid() {
        return organizationUuid(organizationId);
    }

    public CompetencyLevel levelValue() {
        return levelValue(level);
    }

    public LocalDate validUntilDate() {
        return validUntilDate(validUntil);
    }

    @Override
    public List<String> reasons() {
        return reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).toList();
    }

    private static UUID organizationUuid(String organizationId) {
        if (organizationId == null) {
            throw new IllegalArgumentException("organizationId is required");
        }
        return UUID.fromString(organizationId);
    }

    private static CompetencyLevel levelValue(String level) {
        return level == null || level.isBlank() ? CompetencyLevel.NONE
                : CompetencyLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
    }

    private static LocalDate validUntilDate(String validUntil) {
        if (validUntil == null || validUntil.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(validUntil);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(validUntil).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("validUntil is neither a date nor an instant: " + validUntil);
            }
        }
    }
}
