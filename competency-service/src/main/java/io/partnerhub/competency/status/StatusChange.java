package io.partnerhub.competency.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;

/** K3 history: one published change of a status, with the event that caused it (null: time-driven); reasons are jsonb. */
@Entity
@Table(name = "competency_status_change")
public class StatusChange {

    @Id
    public UUID id;

    /** Insertion order (the database's sequence): the order of the history. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "competency_id", nullable = false)
    public String competencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change change;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> reasons;

    /** The requirement progress at this change (have/need per requirement); null for changes recorded before issue 27. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<RequirementProgress> requirements;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "cause_event_id")
    public String causeEventId;

    @Column(name = "cause_event_type")
    public String causeEventType;

    @Column(name = "published_event_id", nullable = false)
    public String publishedEventId;
}
