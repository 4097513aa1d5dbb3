package io.partnerhub.exam.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.exam.candidate.EligibilityService;
import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.VoucherRejection;
import io.partnerhub.exam.domain.VoucherRules;
import io.partnerhub.exam.exam.Exam;
import io.partnerhub.exam.exam.ExamService;
import io.partnerhub.exam.registration.RegistrationViews.RegisterForExam;
import io.partnerhub.exam.registration.RegistrationViews.RegistrationView;
import io.partnerhub.exam.voucher.Voucher;
import io.partnerhub.exam.voucher.VoucherRepository;
import io.quarkus.logging.Log;

@ApplicationScoped
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final VoucherRepository vouchers;
    private final ExamService exams;
    private final EligibilityService eligibility;
    private final Caller caller;
    private final Clock clock;

    public RegistrationService(RegistrationRepository registrations, VoucherRepository vouchers, ExamService exams,
                               EligibilityService eligibility, Caller caller, Clock clock) {
        this.registrations = registrations;
        this.vouchers = vouchers;
        this.exams = exams;
        this.eligibility = eligibility;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * E2 booking. Checks, in order: the caller may act for the candidate (employee: else 404) or the provider
     * (exam-provider: 403 without a valid provider claim or for another provider), the exam exists (404), provider and
     * delivery mode are offered (400 /delivery-not-offered), the appointment is in the future (400), the exam is not
     * retired by the appointment date (409 /exam-retired), no other pending registration for the exam (409
     * /registration-pending), the retake policy at the appointment time (409 /retake-not-allowed), the voucher (409
     * /voucher-…).
     */
    @Transactional
    public RegistrationView book(RegisterForExam body) {
        if (caller.isExamProvider()) {
            String provider = caller.requireProvider();
            if (!provider.equals(body.provider().name())) {
                throw new DomainException(403, "forbidden", "Forbidden", "A " + provider + " token books " + provider
                        + " registrations only, not " + body.provider() + " ones.");
            }
        } else {
            caller.requireOwnCandidate(body.candidateId());
        }
        Exam exam = exams.require(body.examCode());
        if (!exam.providers.contains(body.provider()) || !exam.deliveryModes.contains(body.deliveryMode())) {
            throw new DomainException(400, "delivery-not-offered", "Delivery not offered",
                    body.examCode() + " is delivered by " + exam.providers + " as " + exam.deliveryModes
                            + ", not by " + body.provider() + " as " + body.deliveryMode() + ".");
        }
        Instant now = clock.instant();
        if (!body.scheduledAt().isAfter(now)) {
            throw new InvalidRequest("scheduledAt must be in the future");
        }
        if (exam.isRetiredBy(body.scheduledAt())) {
            throw new Conflict("exam-retired", "Exam retired",
                    body.examCode() + " is retired on " + exam.retiresOn + ", by the appointment date.");
        }
        registrations.lockCandidateExam(body.candidateId(), body.examCode());
        registrations.ofCandidateAndExam(body.candidateId(), body.examCode()).stream()
                .filter(r -> r.isPendingAt(now))
                .findFirst()
                .ifPresent(pending -> {
                    Conflict conflict = new Conflict("registration-pending", "Registration pending",
                            "Candidate " + body.candidateId() + " already has a pending registration for " + body.examCode() + ".");
                    // an exam-provider learns the id of its own provider's registrations only (DESIGN.md §6)
                    throw mayActOn(pending) ? conflict.with("registrationId", pending.id.toString()) : conflict;
                });
        eligibility.requireEligible(body.candidateId(), body.examCode(), body.scheduledAt());

        Voucher voucher = null;
        if (body.voucherId() != null) {
            voucher = vouchers.findById(body.voucherId());
            if (voucher == null || !voucher.candidateId.equals(body.candidateId())) {
                // another candidate's voucher is not revealed: 404 as if it did not exist (not a 409 mismatch)
                throw new ResourceNotFound("voucher", body.voucherId().toString());
            }
            VoucherRules.check(voucher.facts(), body.candidateId(), body.examCode(), body.scheduledAt(),
                            eligibility.pastAttempts(body.candidateId(), body.examCode()))
                    .ifPresent(RegistrationService::reject);
        }
        Registration registration = Registration.book(body.candidateId(), body.examCode(), body.provider(),
                body.deliveryMode(), body.scheduledAt(), body.voucherId(), now);
        registrations.persist(registration);
        if (voucher != null) {
            voucher.useFor(registration.id);
        }
        registrations.flush();
        Log.infof("registration %s booked: exam %s at %s, %s", registration.id, body.examCode(), body.scheduledAt(), registration.status);
        return RegistrationView.of(registration);
    }

    private static void reject(VoucherRejection rejection) {
        throw new Conflict(rejection.typeSlug(), rejection.title(), rejection.detail());
    }

    public RegistrationView get(UUID id) {
        return RegistrationView.of(requireVisible(id));
    }

    /** ONLINE_PROCTORED: a passed pre-check confirms the appointment; a failed one leaves it awaiting another check. */
    @Transactional
    public RegistrationView systemCheck(UUID id, boolean passed) {
        Registration registration = requireVisible(id);
        if (registration.deliveryMode != DeliveryMode.ONLINE_PROCTORED) {
            throw new Conflict("system-check-not-applicable", "No system check",
                    "Only ONLINE_PROCTORED registrations have a system check.");
        }
        if (registration.status == RegistrationStatus.SCHEDULED && passed) {
            return RegistrationView.of(registration); // repeated passed check
        }
        if (registration.status != RegistrationStatus.AWAITING_SYSTEM_CHECK) {
            throw new Conflict("system-check-not-applicable", "No system check",
                    "Registration " + id + " is " + registration.status + ".");
        }
        registration.recordSystemCheck(passed, clock.instant());
        registrations.flush();
        Log.infof("registration %s system check passed=%s", id, passed);
        return RegistrationView.of(registration);
    }

    /** Cancels a booking before its appointment; a voucher used for it is given back. Cancelling twice is harmless. */
    @Transactional
    public RegistrationView cancel(UUID id) {
        Registration registration = requireVisible(id);
        if (registration.status == RegistrationStatus.CANCELLED) {
            return RegistrationView.of(registration);
        }
        Instant now = clock.instant();
        if (registration.status == RegistrationStatus.COMPLETED || !registration.scheduledAt.isAfter(now)) {
            throw new Conflict("registration-not-cancellable", "Registration cannot be cancelled",
                    "Registration " + id + " is " + registration.status + " with its appointment at " + registration.scheduledAt + ".");
        }
        registration.cancel(now);
        if (registration.voucherId != null) {
            Voucher voucher = vouchers.findById(registration.voucherId);
            if (voucher != null && id.equals(voucher.registrationId)) {
                voucher.giveBack();
            }
        }
        registrations.flush();
        Log.infof("registration %s cancelled", id);
        return RegistrationView.of(registration);
    }

    public Registration require(UUID id) {
        Registration registration = registrations.findById(id);
        if (registration == null) {
            throw new ResourceNotFound("exam-registration", id.toString());
        }
        return registration;
    }

    /**
     * The registration if the caller may act on it: ops any; an exam-provider only one of its own provider (another
     * provider's answers 404 like a foreign tenant's; 403 without a valid provider claim); an employee only their own
     * candidate's (else 404).
     */
    /** Whether the caller, having passed the booking checks, may see this registration (an exam-provider: its own provider's). */
    private boolean mayActOn(Registration registration) {
        return !caller.isExamProvider() || caller.provider().filter(registration.provider.name()::equals).isPresent();
    }

    public Registration requireVisible(UUID id) {
        return visible(id, require(id));
    }

    /**
     * {@link #requireVisible(UUID)} for a registration already read (as values, e.g. under the result's lock):
     * 404 when {@code read} is empty or the caller may not see it.
     */
    public Registration requireVisible(UUID id, Optional<Registration> read) {
        return visible(id, read.orElseThrow(() -> new ResourceNotFound("exam-registration", id.toString())));
    }

    private Registration visible(UUID id, Registration registration) {
        if (caller.isOps()) {
            return registration;
        }
        if (caller.isExamProvider()) {
            caller.requireProvider(registration.provider.name(), "exam-registration", id.toString());
            return registration;
        }
        try {
            caller.requireOwnCandidate(registration.candidateId);
        } catch (ResourceNotFound e) {
            throw new ResourceNotFound("exam-registration", id.toString());
        }
        return registration;
    }
}
