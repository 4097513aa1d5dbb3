package io.partnerhub.certification.bank;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.certification.domain.Blueprint;
import io.partnerhub.certification.domain.SkillArea;

/** The blueprint of a bank (C3, C6); two ops saving at once meet on @Version. */
@Entity
@Table(name = "assessment_blueprint")
public class AssessmentBlueprint {

    /** {@link BankKey#value()}. */
    @Id
    public String bank;

    @Column(name = "question_count", nullable = false)
    public int questionCount;

    @Column(name = "time_limit_minutes", nullable = false)
    public int timeLimitMinutes;

    @Column(name = "pass_mark_percent", nullable = false)
    public int passMarkPercent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "skill_areas", nullable = false, columnDefinition = "jsonb")
    public SkillAreas skillAreas;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The skill areas as stored (a record around the list, so that the JSON keeps its element type). */
    public record SkillAreas(List<SkillArea> items) {
    }

    public Blueprint rule() {
        return new Blueprint(questionCount, timeLimitMinutes, passMarkPercent, skillAreas.items());
    }
}
