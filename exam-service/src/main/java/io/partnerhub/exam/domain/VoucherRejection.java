package io.partnerhub.exam.domain;

/** Why an Exam Replay voucher cannot be used for a booking (E4). Each maps to a 409 problem type. */
public enum VoucherRejection {
    ALREADY_USED("voucher-used", "Voucher already used", "The voucher has already been used for a booking."),
    EXPIRED("voucher-expired", "Voucher expired", "The voucher expires before the appointment."),
    /** Kept as a rule; the booking answers 404 not-found instead, so that another candidate's voucher is not revealed. */
    OTHER_CANDIDATE("voucher-candidate-mismatch", "Voucher belongs to another candidate", "The voucher was issued to another candidate."),
    OTHER_EXAM("voucher-exam-mismatch", "Voucher is for another exam", "The voucher entitles a retake of a different exam."),
    NO_FAILED_ATTEMPT("voucher-no-failed-attempt", "No failed attempt to retake", "A voucher entitles a retake: the candidate has no failed attempt of this exam.");

    private final String typeSlug;
    private final String title;
    private final String detail;

    VoucherRejection(String typeSlug, String title, String detail) {
        this.typeSlug = typeSlug;
        this.title = title;
        this.detail = detail;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
