package io.partnerhub.certification.share;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.certification.config.CertificationConfig;
import io.partnerhub.certification.holding.HoldingService.Audience;
import io.partnerhub.certification.share.ShareCode.ShareCodeStatus;
import io.partnerhub.certification.share.ShareCodeViews.ShareCodeView;
import io.partnerhub.certification.transcript.TranscriptService;
import io.partnerhub.certification.transcript.TranscriptViews.TranscriptView;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

/** C7 share codes: create, list, revoke, and open the read-only transcript a usable code names. */
@ApplicationScoped
public class ShareCodeService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShareCodeRepository codes;
    private final TranscriptService transcripts;
    private final CertificationConfig config;
    private final Clock clock;

    public ShareCodeService(ShareCodeRepository codes, TranscriptService transcripts, CertificationConfig config, Clock clock) {
        this.codes = codes;
        this.transcripts = transcripts;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ShareCodeView create(String candidateId, Instant expiresAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequest("expiresAt must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(config.shareCodeMaxLifetime()))) {
            throw new InvalidRequest("expiresAt must be at most " + config.shareCodeMaxLifetime().toDays() + " days ahead");
        }
        codes.lockCandidate(candidateId); // the cap below cannot be raced
        int limit = config.shareCodesPerCandidate();
        if (codes.usable(candidateId, now) >= limit) {
            throw new Conflict("too-many-share-codes", "Too many share codes",
                    "At most " + limit + " share codes can be usable at once; revoke one first.").with("limit", limit);
        }
        ShareCode code = new ShareCode();
        code.code = newCode();
        code.candidateId = candidateId;
        code.createdAt = now;
        code.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        codes.persist(code);
        Log.infof("Share code created for candidate %s, expires %s", candidateId, code.expiresAt);
        return view(code, now);
    }

    public List<ShareCodeView> ofCandidate(String candidateId, int page, int size) {
        Instant now = clock.instant();
        return codes.ofCandidate(candidateId, page, size).stream().map(c -> view(c, now)).toList();
    }

    public long countOfCandidate(String candidateId) {
        return codes.countOfCandidate(candidateId);
    }

    /** Revokes the candidate's code; revoking a revoked code again changes nothing. */
    @Transactional
    public void revoke(String candidateId, String code) {
        ShareCode found = find(code);
        if (found == null || !found.candidateId.equals(candidateId)) {
            throw notFound(code);
        }
        if (found.revokedAt == null) {
            found.revokedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Log.infof("Share code of candidate %s revoked", candidateId);
        }
    }

    /** The transcript a usable code opens; an unknown, revoked or expired code answers 404 alike. */
    public TranscriptView open(String code) {
        ShareCode found = find(code);
        if (found == null || found.statusAt(clock.instant()) != ShareCodeStatus.ACTIVE) {
            throw notFound(code);
        }
        return transcripts.transcript(found.candidateId, Audience.PUBLIC); // never the badge salts
    }

    private ShareCode find(String code) {
        return isWellFormed(code) ? codes.findById(code) : null;
    }

    /** 22 base64url characters (128 bits); anything else names no code and is not looked up. */
    static boolean isWellFormed(String code) {
        return code != null && code.matches("[A-Za-z0-9_-]{22}");
    }

    private static ResourceNotFound notFound(String code) {
        return new ResourceNotFound("share code", isWellFormed(code) ? code : code == null ? "" : code.substring(0, Math.min(code.length(), 64)));
    }

    private ShareCodeView view(ShareCode code, Instant now) {
        return new ShareCodeView(code.code, code.candidateId, code.statusAt(now), code.createdAt, code.expiresAt, code.revokedAt,
                config.publicBaseUrl().replaceAll("/+$", "") + "/shared-transcripts/" + code.code);
    }

    static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
