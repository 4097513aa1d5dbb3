package io.partnerhub.membership.membership;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.membership.domain.DesignationStanding;

/** What membership knows of one Solutions Partner designation of an organisation (from competency-events, M7). */
@Entity
@Table(name = "designation_standing")
@IdClass(DesignationStandingRow.Key.class)
public class DesignationStandingRow {

    public static class Key implements Serializable {
        public UUID organizationId;
        public String solutionAreaId;

        public Key() {
        }

        public Key(UUID organizationId, String solutionAreaId) {
            this.organizationId = organizationId;
            this.solutionAreaId = solutionAreaId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organizationId, k.organizationId)
                    && Objects.equals(solutionAreaId, k.solutionAreaId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, solutionAreaId);
        }
    }

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "solution_area_id")
    public String solutionAreaId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean held;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    public String track;

    public BigDecimal score;

    @Column(name = "holds_until")
    public LocalDate holdsUntil;

    @Column(name = "at_risk_since")
    public Instant atRiskSince;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Version
    public long version;

    public DesignationStanding toDomain() {
        return new DesignationStanding(solutionAreaId, name, held, atRisk, track, score, holdsUntil);
    }
}
