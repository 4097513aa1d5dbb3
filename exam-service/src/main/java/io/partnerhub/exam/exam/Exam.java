package io.partnerhub.exam.exam;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.exam.domain.BetaRelease;
import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.domain.ExamStatus;

/** E1: an exam of the catalogue. Its lifecycle status is derived from {@link #retiresOn} and the clock. */
@Entity
@Table(name = "exam")
public class Exam {

    @Id
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "passing_score", nullable = false)
    public int passingScore;

    @Column(nullable = false)
    public boolean beta;

    @Column(name = "live_on")
    public LocalDate liveOn;

    @Column(name = "retires_on")
    public LocalDate retiresOn;

    @Column(name = "retirement_published", nullable = false)
    public boolean retirementPublished;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_skill_area", joinColumns = @JoinColumn(name = "exam_code"))
    @OrderColumn(name = "position")
    public List<SkillArea> skillsMeasured = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_delivery_mode", joinColumns = @JoinColumn(name = "exam_code"))
    @Column(name = "delivery_mode")
    @Enumerated(EnumType.STRING)
    public Set<DeliveryMode> deliveryModes = EnumSet.noneOf(DeliveryMode.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_provider", joinColumns = @JoinColumn(name = "exam_code"))
    @Column(name = "provider")
    @Enumerated(EnumType.STRING)
    public Set<ExamProvider> providers = EnumSet.noneOf(ExamProvider.class);

    public ExamStatus statusAt(Instant now) {
        return ExamStatus.at(retiresOn, now);
    }

    /** E2: retired now, or by the appointment date. */
    public boolean isRetiredBy(Instant instant) {
        return ExamStatus.at(retiresOn, instant) == ExamStatus.RETIRED;
    }

    public void announceRetirement(LocalDate retiresOn) {
        this.retiresOn = retiresOn;
    }

    public void markRetirementPublished() {
        this.retirementPublished = true;
    }

    public ExamScoring scoring() {
        return new ExamScoring(passingScore, beta, liveOn);
    }

    public boolean passes(int score) {
        return scoring().passes(score);
    }

    /** E6: whether a result recorded at {@code now} is withheld. */
    public boolean withholdsScoresAt(Instant now, Duration releaseDelay) {
        return scoring().withholdsScoresAt(now, releaseDelay);
    }

    public Instant scoreReleaseAt(Duration releaseDelay) {
        return beta && liveOn != null ? BetaRelease.releaseAt(liveOn, releaseDelay) : null;
    }
}
