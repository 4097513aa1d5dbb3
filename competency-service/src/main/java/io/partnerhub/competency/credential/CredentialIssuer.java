package io.partnerhub.competency.credential;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Issues and revokes organisation credentials as {@link AwardChanged} says, synchronously in the transaction that
 * changes the status (so the status bit flips with it): held → a credential with a fresh status-list slot unless a live
 * one exists for the award and level (a live one of another level is superseded: revoked); not held → the live one is
 * revoked. Issuing is one INSERT … SELECT that also revokes the superseded ones (the VC-JWT is signed at the
 * first read, {@link CredentialReads}), so a status change pays one statement and no signature. At start, awards held without a credential (demo data,
 * statuses from before this feature) get one, idempotently (the live-credential unique index decides races).
 */
@ApplicationScoped
public class CredentialIssuer {

    static final int BACKFILL_BATCH = 500;

    private final CredentialStore store;
    private final Instance<HeldAwards> sources;
    private final Clock clock;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public CredentialIssuer(CredentialStore store, Instance<HeldAwards> sources, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
    }

    void onAwardChanged(@Observes AwardChanged change) {
        String level = change.level() == null ? "" : change.level();
        String kind = change.kind().name();
        if (!change.held()) {
            int revoked = store.revoke(change.organizationId(), kind, change.awardId(), level, change.at());
            if (revoked > 0) {
                Log.infof("Organisation credential revoked: %s %s %s of %s", kind, change.awardId(), level,
                        change.organizationId());
            }
            return;
        }
        String name = change.name() != null ? change.name() : nameOf(change.kind(), change.awardId());
        UUID id = UUID.randomUUID();
        if (store.issue(id, change.organizationId(), kind, change.awardId(), level, name, change.at(), clock.instant())) {
            Log.infof("Organisation credential %s issued: %s %s %s of %s", id, kind, change.awardId(), level,
                    change.organizationId());
        }
    }

    /** The award's name from its source, remembered (names change rarely; a credential keeps the name it was issued with). */
    private String nameOf(AwardChanged.Kind kind, String awardId) {
        return names.computeIfAbsent(kind + " " + awardId, key -> {
            for (HeldAwards source : sources) {
                if (source.kind() == kind) {
                    return source.name(awardId).orElse(awardId);
                }
            }
            return awardId;
        });
    }

    void backfillOnStart(@Observes StartupEvent started) {
        int issued = 0;
        for (HeldAwards source : sources) {
            issued += backfill(source);
        }
        if (issued > 0) {
            Log.infof("Organisation credentials issued at start for %d awards already held", issued);
        }
    }

    /** Issues credentials for the source's held awards that have none, batch by batch; how many were handled. */
    int backfill(HeldAwards source) {
        int handled = 0;
        for (int round = 0; round < 10_000; round++) {
            int batch = backfillBatch(source);
            handled += batch;
            if (batch < BACKFILL_BATCH) {
                break;
            }
        }
        return handled;
    }

    @Transactional
    int backfillBatch(HeldAwards source) {
        List<AwardChanged> held = source.heldWithoutCredential(BACKFILL_BATCH);
        held.forEach(this::onAwardChanged);
        return held.size();
    }
}
