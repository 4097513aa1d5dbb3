package io.partnerhub.competency.status;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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

import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;

/** K3: the status of one organisation in one competency. reasons and requirement progress are jsonb. */
@Entity
@Table(name = "competency_status")
@IdClass(CompetencyStatus.Key.class)
public class CompetencyStatus {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Id
    @Column(name = "competency_id")
    public String competencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    public Integer path;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    /** Issue 27: each reason as data with its sentence (rows before V14 were converted to the sentence only). */
    public List<Reason> reasons;

    @Column(name = "attained_at")
    public Instant attainedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "requirement_version", nullable = false)
    public String requirementVersion;

    @Column(name = "requirement_effective_from", nullable = false)
    public LocalDate requirementEffectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RequirementProgress> requirements;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static class Key implements Serializable {
        public String organizationId;
        public String competencyId;

        public Key() {
        }

        public Key(String organizationId, String competencyId) {
            this.organizationId = organizationId;
            this.competencyId = competencyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organizationId, k.organizationId) && Objects.equals(competencyId, k.competencyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, competencyId);
        }
    }
}
