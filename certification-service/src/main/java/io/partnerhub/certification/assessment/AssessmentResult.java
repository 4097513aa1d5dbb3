package io.partnerhub.certification.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** C6 a candidate's result of an assessment. Written once, never updated. */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult {

    @Id
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "assessment_id", nullable = false)
    public String assessmentId;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
