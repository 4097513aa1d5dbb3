package io.partnerhub.exam.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.exam.config.ExamConfig;
import io.partnerhub.exam.domain.ExamStatus;
import io.partnerhub.exam.events.ExamRetired;
import io.partnerhub.exam.exam.ExamViews.AnnounceRetirement;
import io.partnerhub.exam.exam.ExamViews.CreateExam;
import io.partnerhub.exam.exam.ExamViews.ExamView;
import io.partnerhub.exam.exam.ExamViews.SkillAreaBody;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExamService {

    static final int DEFAULT_PASSING_SCORE = 700;

    private final ExamRepository exams;
    private final EventPublisher events;
    private final ExamConfig config;
    private final Clock clock;

    public ExamService(ExamRepository exams, EventPublisher events, ExamConfig config, Clock clock) {
        this.exams = exams;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ExamView create(CreateExam body) {
        boolean beta = Boolean.TRUE.equals(body.beta());
        if (beta && body.liveOn() == null) {
            throw new InvalidRequest("a beta exam needs liveOn, the date it goes live");
        }
        List<SkillAreaBody> skills = body.skillsMeasured() == null ? List.of() : body.skillsMeasured();
        for (SkillAreaBody skill : skills) {
            if (skill.weightMin() > skill.weightMax()) {
                throw new InvalidRequest("skill area '" + skill.area() + "': weightMin is greater than weightMax");
            }
        }
        if (exams.findById(body.code()) != null) {
            throw new Conflict("exam-exists", "Exam exists", "An exam with code " + body.code() + " already exists.");
        }
        Exam exam = new Exam();
        exam.code = body.code();
        exam.title = body.title();
        exam.passingScore = body.passingScore() == null ? DEFAULT_PASSING_SCORE : body.passingScore();
        exam.beta = beta;
        exam.liveOn = body.liveOn();
        exam.deliveryModes = EnumSet.copyOf(body.deliveryModes());
        exam.providers = EnumSet.copyOf(body.providers());
        exam.skillsMeasured = new ArrayList<>(skills.stream().map(s -> new SkillArea(s.area(), s.weightMin(), s.weightMax())).toList());
        exam.createdAt = clock.instant();
        exams.persist(exam);
        exams.flush(); // a concurrent create of the same code fails here (unique key), not at commit
        Log.infof("exam %s created (beta=%s)", exam.code, beta);
        return view(exam);
    }

    public List<ExamView> list(int page, int size) {
        return exams.findAll(Sort.by("code")).page(Page.of(page, size)).list().stream().map(this::view).toList();
    }

    public long count() {
        return exams.count();
    }

    public ExamView get(String code) {
        return view(require(code));
    }

    public Exam require(String code) {
        Exam exam = exams.findById(code);
        if (exam == null) {
            throw new ResourceNotFound("exam", code);
        }
        return exam;
    }

    /**
     * Announces (or moves) the retirement date. The exam is RETIRING until that date and RETIRED from it;
     * exam.retired.v1 is published by {@link #publishRetirements()} once the date is reached.
     */
    @Transactional
    public ExamView announceRetirement(String code, AnnounceRetirement body) {
        Exam exam = require(code);
        Instant now = clock.instant();
        if (exam.statusAt(now) == ExamStatus.RETIRED) {
            throw new Conflict("exam-retired", "Exam retired", "Exam " + code + " retired on " + exam.retiresOn + ".");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (body.retiresOn().isBefore(today)) {
            throw new InvalidRequest("retiresOn must be today or later");
        }
        exam.announceRetirement(body.retiresOn());
        exams.flush();
        Log.infof("exam %s retires on %s", code, body.retiresOn());
        return view(exam);
    }

    /** The retirement sweep: writes exam.retired.v1 for every exam whose retirement date has been reached. */
    @Transactional
    public int publishRetirements() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Exam> due = exams.retiredUnpublished(today);
        for (Exam exam : due) {
            events.publish(new ExamRetired(exam.code, exam.retiresOn));
            exam.markRetirementPublished();
            Log.infof("exam %s retired on %s", exam.code, exam.retiresOn);
        }
        return due.size();
    }

    public ExamView view(Exam exam) {
        return new ExamView(exam.code, exam.title, exam.passingScore, exam.beta, exam.liveOn,
                exam.scoreReleaseAt(config.betaReleaseDelay()), exam.statusAt(clock.instant()), exam.retiresOn,
                exam.deliveryModes.stream().sorted().toList(),
                exam.providers.stream().sorted().toList(),
                exam.skillsMeasured.stream().map(s -> new SkillAreaBody(s.area, s.weightMin, s.weightMax)).toList());
    }

}
