package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RenewalAttemptRepository implements PanacheRepositoryBase<RenewalAttempt, UUID> {

    public List<Instant> attemptsOf(UUID holdingId) {
        return list("holdingId", Sort.by("attemptedAt"), holdingId).stream().map(a -> a.attemptedAt).toList();
    }
}
