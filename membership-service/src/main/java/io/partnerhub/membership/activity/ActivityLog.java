package io.partnerhub.membership.activity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.domain.ActivityKind;
import io.quarkus.arc.Arc;

/**
 * Writes an organisation's activity log, always inside the transaction of the change it records (MANDATORY), so a
 * change that rolls back leaves no entry. The actor is the calling token's subject and the role it acted as; a change
 * applied outside a request (from an event) is the actor {@code system}.
 */
@ApplicationScoped
public class ActivityLog {

    public static final String SYSTEM = "system";
    /** The role an actor acted as, the most powerful first. */
    private static final List<String> ROLES = List.of(Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE, Roles.REPORTER,
            Roles.EXAM_PROVIDER);

    public record Actor(String subject, String role) {
    }

    private final ActivityEntryRepository entries;
    private final Caller caller;
    private final Clock clock;

    public ActivityLog(ActivityEntryRepository entries, Caller caller, Clock clock) {
        this.entries = entries;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * {@code details}: alternating names and values, e.g. {@code "userId", id, "role", role}; null values are left out,
     * integers and booleans stay JSON numbers and booleans, everything else (ids, instants, amounts) is its text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID organizationId, ActivityKind kind, String summary, Object... details) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                Object value = details[i + 1];
                map.put(details[i].toString(), value instanceof Integer || value instanceof Long || value instanceof Boolean
                        ? value : value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
        Actor actor = actor();
        ActivityEntry entry = new ActivityEntry();
        entry.id = UUID.randomUUID();
        entry.organizationId = organizationId;
        entry.kind = kind;
        entry.at = clock.instant();
        entry.actorSubject = actor.subject();
        entry.actorRole = actor.role();
        entry.summary = summary;
        entry.details = map;
        entries.persist(entry);
    }

    /** The caller's subject and the role it acted as; {@code system} outside a request or without a token. */
    public Actor actor() {
        if (!Arc.container().requestContext().isActive()) {
            return new Actor(SYSTEM, SYSTEM);
        }
        String subject = caller.subject().orElse(null);
        String role = ROLES.stream().filter(caller::hasRole).findFirst().orElse(null);
        return subject == null || role == null ? new Actor(SYSTEM, SYSTEM) : new Actor(subject, role);
    }
}
