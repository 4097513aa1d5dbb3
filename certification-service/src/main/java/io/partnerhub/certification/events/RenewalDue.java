package io.partnerhub.certification.events;

import java.time.Instant;

/**
 * {@code io.partnerhub.certification.renewal-due.v1} on certification-events, subject = candidateId (#23): the expiry
 * sweep found a holding whose renewal window just opened ({@code windowOpened} true) or that expires in 30 or 7 days
 * ({@code daysLeft}). Once per holding, expiry and stage. Membership-service e-mails the holder.
 */
public record RenewalDue(String candidateId, String certificationId, String holdingId, Instant expiresAt, int daysLeft,
        boolean windowOpened) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.certification.renewal-due.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
