package io.partnerhub.certification.transcript;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One passed exam attempt of a candidate, as exam-service reported it (exam.passed.v1). */
@Entity
@Table(name = "passed_exam")
public class PassedExam {

    @Id
    @Column(name = "attempt_id")
    public String attemptId;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "exam_code", nullable = false)
    public String examCode;

    @Column(nullable = false)
    public int score;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
