package io.partnerhub.certification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.certification.bank.AssessmentBlueprint;
import io.partnerhub.certification.bank.BankQuestion;
import io.partnerhub.certification.delivery.AttemptViews.ScoreReport;
import io.partnerhub.certification.domain.QuestionKind;

/**
 * A candidate's attempt at a renewal assessment (C3) or an online assessment (C6): the questions drawn for it (each at
 * the revision it was drawn, with its correct options: never shown to the candidate), the answers so far and, once
 * scored, the report. The candidate, the sweep and an external provider may meet on one attempt: they lock the row
 * and @Version guards the rest.
 */
@Entity
@Table(name = "assessment_attempt")
public class AssessmentAttempt {

    public enum Kind {
        RENEWAL, ASSESSMENT
    }

    public enum Status {
        IN_PROGRESS, EXTERNAL, SCORED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public String bank;

    @Column(name = "candidate_id", nullable = false, updatable = false)
    public String candidateId;

    @Column(name = "holding_id", updatable = false)
    public UUID holdingId;

    @Column(name = "assessment_id", updatable = false)
    public String assessmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    /** null: delivered by an external system, no time limit here. */
    @Column(updatable = false)
    public Instant deadline;

    @Column(name = "holding_expires_at", updatable = false)
    public Instant holdingExpiresAt;

    @Column(name = "delivered_by", updatable = false)
    public String deliveredBy;

    @Column(name = "pass_mark_percent", nullable = false, updatable = false)
    public int passMarkPercent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "skill_areas", nullable = false, updatable = false, columnDefinition = "jsonb")
    public AssessmentBlueprint.SkillAreas skillAreas;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public DrawnQuestions questions;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ScoreReport report;

    @Column(name = "external_result_id")
    public String externalResultId;

    @Version
    public long version;

    /** A drawn question, numbered from 1 in the order asked, with the candidate's answer (option ids, empty: none). */
    public record DrawnQuestion(int number, UUID questionId, int revision, String skillArea, QuestionKind kind, String text,
            List<BankQuestion.Option> options, List<String> answer) {

        DrawnQuestion answered(List<String> optionIds) {
            return new DrawnQuestion(number, questionId, revision, skillArea, kind, text, options, List.copyOf(optionIds));
        }
    }

    /** The drawn questions as stored (a record around the list, so that the JSON keeps its element type). */
    public record DrawnQuestions(List<DrawnQuestion> items) {
    }

    public boolean open() {
        return status != Status.SCORED;
    }
}
