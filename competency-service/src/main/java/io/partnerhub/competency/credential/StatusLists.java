package io.partnerhub.competency.credential;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The published Bitstring Status Lists, built on read from the credential rows (bit set = revoked) and kept at most
 * {@code partnerhub.competency.credentials.status-list-cache} (500 ms) per list on each instance, so a revocation is in
 * every replica's list within a second of its commit without any coordination. List 1 always exists; a list past the
 * highest one in use is 404.
 */
@ApplicationScoped
public class StatusLists {

    /** A built list: its bits, the credential, the VC-JWT (null without a signing key), when it was built. */
    public record Built(int list, Bitstring bits, Map<String, Object> credential, String jwt, long builtAtNanos) {
    }

    private final CredentialStore store;
    private final CredentialDocuments documents;
    private final CredentialKeys keys;
    private final Clock clock;
    private final long maxAgeNanos;
    private final Map<Integer, Built> cache = new ConcurrentHashMap<>();

    public StatusLists(CredentialStore store, CredentialDocuments documents, CredentialKeys keys, Clock clock,
            CredentialConfig config) {
        this.store = store;
        this.documents = documents;
        this.keys = keys;
        this.clock = clock;
        this.maxAgeNanos = config.statusListCache().toNanos();
    }

    /** The list, built at most the cache age ago; empty when no such list is published. */
    @Transactional
    public java.util.Optional<Built> list(int list) {
        Built cached = cache.get(list);
        long now = System.nanoTime();
        if (cached != null && now - cached.builtAtNanos() < maxAgeNanos) {
            return java.util.Optional.of(cached);
        }
        if (list < 1 || list > store.highestList()) {
            return java.util.Optional.empty();
        }
        Bitstring bits = Bitstring.ofLength(Bitstring.MIN_BITS);
        for (int index : store.revokedIndexes(list)) {
            bits.set(index);
        }
        Instant at = clock.instant();
        Map<String, Object> credential = documents.statusList(list, bits, at);
        String jwt = keys.signingKey().isPresent() ? documents.signedStatusList(credential, at) : null;
        Built built = new Built(list, bits, credential, jwt, now);
        cache.put(list, built);
        return java.util.Optional.of(built);
    }
}
