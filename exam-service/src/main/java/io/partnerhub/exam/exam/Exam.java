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
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(name = "passing_score", nullable = false)
    private int passingScore;

    @Column(nullable = false)
    private boolean beta;

    @Column(name = "live_on")
    private LocalDate liveOn;

    @Column(name = "retires_on")
    private LocalDate retiresOn;

    @Column(name = "retirement_published", nullable = false)
    private boolean retirementPublished;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_skill_area", joinColumns = @JoinColumn(name = "exam_code"))
    @OrderColumn(name = "position")
    private List<SkillArea> skillsMeasured = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_delivery_mode", joinColumns = @JoinColumn(name = "exam_code"))
    @Column(name = "delivery_mode")
    @Enumerated(EnumType.STRING)
    private Set<DeliveryMode> deliveryModes = EnumSet.noneOf(DeliveryMode.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_provider", joinColumns = @JoinColumn(name = "exam_code"))
    @Column(name = "provider")
    @Enumerated(EnumType.STRING)
    private Set<ExamProvider> providers = EnumSet.noneOf(ExamProvider.class);

    protected Exam() {
    }

    public Exam(String code, String title, int passingScore, boolean beta, LocalDate liveOn,
                Set<DeliveryMode> deliveryModes, Set<ExamProvider> providers, List<SkillArea> skillsMeasured, Instant createdAt) {
        this.code = code;
        this.title = title;
        this.passingScore = passingScore;
        this.beta = beta;
        this.liveOn = liveOn;
        this.deliveryModes = EnumSet.copyOf(deliveryModes);
        this.providers = EnumSet.copyOf(providers);
        this.skillsMeasured = new ArrayList<>(skillsMeasured);
        this.createdAt = createdAt;
    }

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

    public boolean passes(int score) {
        return score >= passingScore;
    }

    /** E6: whether a result recorded at {@code now} is withheld. */
    public boolean withholdsScoresAt(Instant now, Duration releaseDelay) {
        return beta && liveOn != null && BetaRelease.withheldAt(liveOn, releaseDelay, now);
    }

    public Instant scoreReleaseAt(Duration releaseDelay) {
        return beta && liveOn != null ? BetaRelease.releaseAt(liveOn, releaseDelay) : null;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int passingScore() {
        return passingScore;
    }

    public boolean beta() {
        return beta;
    }

    public LocalDate liveOn() {
        return liveOn;
    }

    public LocalDate retiresOn() {
        return retiresOn;
    }

    public boolean retirementPublished() {
        return retirementPublished;
    }

    public List<SkillArea> skillsMeasured() {
        return List.copyOf(skillsMeasured);
    }

    public Set<DeliveryMode> deliveryModes() {
        return Set.copyOf(deliveryModes);
    }

    public Set<ExamProvider> providers() {
        return Set.copyOf(providers);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
