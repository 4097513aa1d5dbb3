package io.partnerhub.certification.domain;

import java.time.Instant;

/** A passed exam of a candidate (from exam.passed.v1). */
public record Pass(String examCode, Instant takenAt) {
}
