package io.partnerhub.membership.membership;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.membership.domain.CompetencyLevel;

/** What membership knows of one competency of an organisation (from competency-events). */
@Entity
@Table(name = "competency_standing")
@IdClass(CompetencyStandingRow.Key.class)
public class CompetencyStandingRow {

    public static class Key implements Serializable {
        public UUID organizationId;
        public String competencyId;

        public Key() {
        }

        public Key(UUID organizationId, String competencyId) {
            this.organizationId = organizationId;
            this.competencyId = competencyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organizationId, k.organizationId)
                    && Objects.equals(competencyId, k.competencyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, competencyId);
        }
    }

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "competency_id")
    public String competencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompetencyLevel level;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> reasons;

    @Column(name = "at_risk_since")
    public Instant atRiskSince;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Version
    public long version;
}
