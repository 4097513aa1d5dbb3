package io.partnerhub.membership.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registered webhook endpoint: an organisation's (partner-admin) or, without organisation, an ops one (all events).
 * Admin changes are guarded by the version; the sender notes successes with a bulk update that leaves it alone, and
 * every update writes only the columns it changed.
 */
@Entity
@DynamicUpdate
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;

    /** Null for an ops endpoint, which receives every organisation's events. */
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Empty = every deliverable type. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false, columnDefinition = "jsonb")
    public List<String> eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Sealed by {@link WebhookSecrets}. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Version
    public long version;
}
