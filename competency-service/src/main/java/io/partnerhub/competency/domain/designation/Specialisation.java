package io.partnerhub.competency.domain.designation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * P8: a specialisation under a solution area's designation: it qualifies on a day when the designation is held and
 * at least {@code people} distinct associated people each hold one of the named certifications. Attained, kept, at
 * risk and lost through the same window (P5) and {@link Transition} (P6) as the designation.
 */
public record Specialisation(String id, String name, String areaId, List<String> certifications, int people) {

    /** An active certification held by an associated person. */
    public record Holding(String candidateId, String certificationId) {
        public Holding {
            Objects.requireNonNull(candidateId, "candidateId");
            Objects.requireNonNull(certificationId, "certificationId");
        }
    }

    public Specialisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(areaId, "areaId");
        certifications = List.copyOf(certifications);
        if (certifications.isEmpty()) {
            throw new IllegalArgumentException("specialisation " + id + " must name at least one certification");
        }
        if (people <= 0) {
            throw new IllegalArgumentException("people must be 1 or more");
        }
    }

    /** Distinct people holding one of the named certifications. */
    public long holders(Collection<Holding> holdings) {
        return holdings.stream().filter(h -> certifications.contains(h.certificationId())).map(Holding::candidateId)
                .distinct().count();
    }

    public boolean qualifies(DesignationState designation, Collection<Holding> holdings) {
        return designation.held() && holders(holdings) >= people;
    }
}
