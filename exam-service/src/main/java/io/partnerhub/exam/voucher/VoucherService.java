package io.partnerhub.exam.voucher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.validation.StorableDate;
import io.partnerhub.exam.domain.VoucherRules;
import io.partnerhub.exam.exam.ExamService;
import io.partnerhub.exam.web.Ids;
import io.quarkus.logging.Log;

@ApplicationScoped
public class VoucherService {

    public record IssueVoucher(@NotBlank @Size(max = Ids.EXAM_CODE_MAX) String examCode, @NotNull @StorableDate LocalDate expiresOn) {
    }

    /** status: AVAILABLE, USED (by registrationId), EXPIRED (unused after expiresOn) */
    public record VoucherView(UUID id, String candidateId, String examCode, LocalDate expiresOn, String status,
                              UUID registrationId, Instant createdAt) {
    }

    private final VoucherRepository vouchers;
    private final ExamService exams;
    private final Clock clock;

    public VoucherService(VoucherRepository vouchers, ExamService exams, Clock clock) {
        this.vouchers = vouchers;
        this.exams = exams;
        this.clock = clock;
    }

    @Transactional
    public VoucherView issue(String candidateId, IssueVoucher body) {
        exams.require(body.examCode());
        Instant now = clock.instant();
        if (body.expiresOn().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new InvalidRequest("expiresOn is in the past");
        }
        Voucher voucher = new Voucher();
        voucher.id = UUID.randomUUID();
        voucher.candidateId = candidateId;
        voucher.examCode = body.examCode();
        voucher.expiresOn = body.expiresOn();
        voucher.createdAt = now;
        vouchers.persist(voucher);
        Log.infof("voucher %s issued for exam %s", voucher.id, body.examCode());
        return view(voucher);
    }

    public List<VoucherView> ofCandidate(String candidateId) {
        return vouchers.ofCandidate(candidateId).stream().map(this::view).toList();
    }

    private VoucherView view(Voucher v) {
        String status = v.used ? "USED" : VoucherRules.isExpiredAt(v.expiresOn, clock.instant()) ? "EXPIRED" : "AVAILABLE";
        return new VoucherView(v.id, v.candidateId, v.examCode, v.expiresOn, status, v.registrationId, v.createdAt);
    }
}
