package io.partnerhub.certification.bank;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.certification.domain.QuestionKind;

/**
 * One revision of a bank question. A change is a new revision (the previous one keeps {@code latest = false} and is
 * never changed again), so attempts keep the revision they were drawn and scored at. Retiring sets {@code active}
 * false on the latest revision.
 */
@Entity
@Table(name = "bank_question")
public class BankQuestion {

    @Id
    @Column(name = "revision_id")
    public UUID revisionId;

    @Column(name = "question_id", nullable = false, updatable = false)
    public UUID questionId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false)
    public String bank;

    @Column(name = "skill_area", nullable = false, updatable = false)
    public String skillArea;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public QuestionKind kind;

    @Column(nullable = false, updatable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public Options options;

    @Column(nullable = false, updatable = false)
    public String explanation;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public boolean latest;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** An option of the question; its id is random, so it says nothing about being correct. */
    public record Option(String id, String text, boolean correct) {
    }

    /** The options as stored (a record around the list, so that the JSON keeps its element type). */
    public record Options(List<Option> items) {
    }
}
