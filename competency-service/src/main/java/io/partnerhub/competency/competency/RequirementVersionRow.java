package io.partnerhub.competency.competency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.competency.competency.RequirementVersionViews.LevelBody;

/** A stored requirement version (K1); silver and gold hold the accepted requirements of each level (jsonb). */
@Entity
@Table(name = "requirement_version")
@IdClass(RequirementVersionRow.Key.class)
public class RequirementVersionRow {

    @Id
    @Column(name = "competency_id")
    public String competencyId;

    @Id
    public String version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public LevelBody silver;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public LevelBody gold;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public String competencyId;
        public String version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(competencyId, k.competencyId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(competencyId, version);
        }
    }
}
