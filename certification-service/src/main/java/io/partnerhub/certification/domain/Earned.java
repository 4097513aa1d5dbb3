package io.partnerhub.certification.domain;

import java.util.List;

/** A certification the candidate has just earned, with the passed exams that earned it (one per group). */
public record Earned(String certificationId, CertificationLevel level, List<String> examCodes) {
}
