package io.partnerhub.certification.bank;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.partnerhub.certification.assessment.AssessmentRepository;
import io.partnerhub.certification.bank.BankViews.BlueprintBody;
import io.partnerhub.certification.bank.BankViews.BlueprintView;
import io.partnerhub.certification.bank.BankViews.ImportRow;
import io.partnerhub.certification.bank.BankViews.QuestionBody;
import io.partnerhub.certification.bank.BankViews.QuestionView;
import io.partnerhub.certification.certification.Certification;
import io.partnerhub.certification.certification.CertificationRepository;
import io.partnerhub.certification.domain.Blueprint;
import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.QuestionRules;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

/** Question banks and blueprints (C3, C6), managed by ops: load, ask the domain rule, store. */
@ApplicationScoped
public class BankService {

    public static final int MAX_IMPORT_ROWS = 1000;

    private final BlueprintRepository blueprints;
    private final BankQuestionRepository questions;
    private final CertificationRepository certifications;
    private final AssessmentRepository assessments;
    private final Validator validator;
    private final Clock clock;

    public BankService(BlueprintRepository blueprints, BankQuestionRepository questions, CertificationRepository certifications,
            AssessmentRepository assessments, Validator validator, Clock clock) {
        this.blueprints = blueprints;
        this.questions = questions;
        this.certifications = certifications;
        this.assessments = assessments;
        this.validator = validator;
        this.clock = clock;
    }

    /** 404 unless the owner exists; a certification that never expires has no renewal assessment (409). */
    void requireOwner(BankKey key) {
        if (key.owner() == BankKey.Owner.ASSESSMENT) {
            if (key.ownerId().length() > 100 || assessments.findById(key.ownerId()) == null) {
                throw new ResourceNotFound("assessment", key.ownerId());
            }
            return;
        }
        Certification certification = key.ownerId().length() > 100 ? null : certifications.findById(key.ownerId());
        if (certification == null) {
            throw new ResourceNotFound("certification", key.ownerId());
        }
        if (certification.level == CertificationLevel.FUNDAMENTALS) {
            throw new Conflict("renewal-not-needed", "Renewal not needed",
                    "A FUNDAMENTALS certification never expires and has no renewal assessment.");
        }
    }

    /** Saves the blueprint; refused (409 /bank-too-small) while any skill area has fewer than 3 × its draw. */
    @Transactional
    public BlueprintView putBlueprint(BankKey key, BlueprintBody body) {
        requireOwner(key);
        Blueprint rule = body.rule();
        List<String> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequest(String.join("; ", problems)).with("field", "skillAreas");
        }
        Map<String, Long> counts = new HashMap<>();
        questions.activeBySkillArea(key.value()).forEach((area, list) -> counts.put(area, (long) list.size()));
        List<Blueprint.BankShortage> shortages = rule.shortages(counts);
        if (!shortages.isEmpty()) {
            throw bankTooSmall(shortages);
        }
        AssessmentBlueprint blueprint = blueprints.findById(key.value());
        boolean created = blueprint == null;
        if (created) {
            blueprint = new AssessmentBlueprint();
            blueprint.bank = key.value();
        }
        blueprint.questionCount = rule.questionCount();
        blueprint.timeLimitMinutes = rule.timeLimitMinutes();
        blueprint.passMarkPercent = rule.passMarkPercent();
        blueprint.skillAreas = new AssessmentBlueprint.SkillAreas(rule.skillAreas());
        blueprint.updatedAt = now();
        if (created) {
            blueprints.persist(blueprint);
        }
        blueprints.flush();
        Log.infof("Blueprint of %s saved: %d questions, %d min, pass at %d %%", key.value(), rule.questionCount(),
                rule.timeLimitMinutes(), rule.passMarkPercent());
        return BlueprintView.of(rule);
    }

    public static DomainException bankTooSmall(List<Blueprint.BankShortage> shortages) {
        Blueprint.BankShortage first = shortages.get(0);
        return new Conflict("bank-too-small", "Question bank too small",
                "Skill area " + first.skillArea() + " has " + first.have() + " active questions; the blueprint needs "
                        + first.need() + " (3 x its draw).")
                .with("skillArea", first.skillArea()).with("have", first.have()).with("need", first.need())
                .with("shortages", shortages);
    }

    public BlueprintView blueprint(BankKey key) {
        requireOwner(key);
        return blueprintRule(key).map(BlueprintView::of).orElseThrow(() -> new ResourceNotFound("blueprint", key.value()));
    }

    public Optional<Blueprint> blueprintRule(BankKey key) {
        return Optional.ofNullable(blueprints.findById(key.value())).map(AssessmentBlueprint::rule);
    }

    @Transactional
    public QuestionView add(BankKey key, QuestionBody body) {
        requireOwner(key);
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(String.join("; ", problems)).with("field", "options");
        }
        BankQuestion question = store(key, UUID.randomUUID(), 1, true, body);
        questions.flush();
        return QuestionView.of(question);
    }

    /** Every change is a new revision: the previous one stays as it was for the attempts drawn from it. */
    @Transactional
    public QuestionView revise(BankKey key, UUID questionId, QuestionBody body) {
        requireOwner(key);
        BankQuestion current = requireLatest(key, questionId);
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(String.join("; ", problems)).with("field", "options");
        }
        current.latest = false;
        questions.flush(); // the index allows one latest revision: step this one down before the next is written
        BankQuestion next = store(key, questionId, current.revision + 1, current.active, body);
        questions.flush();
        return QuestionView.of(next);
    }

    /** A retired question is drawn no more; attempts that hold it keep it. Again: the same answer. */
    @Transactional
    public QuestionView retire(BankKey key, UUID questionId) {
        requireOwner(key);
        BankQuestion current = requireLatest(key, questionId);
        if (current.active) {
            current.active = false;
            questions.flush();
            Log.infof("Question %s revision %d of %s retired", questionId, current.revision, key.value());
        }
        return QuestionView.of(current);
    }

    public List<QuestionView> list(BankKey key, int page, int size) {
        requireOwner(key);
        return questions.latestOf(key.value(), page, size).stream().map(QuestionView::of).toList();
    }

    public long count(BankKey key) {
        return questions.countLatestOf(key.value());
    }

    /** Adds every valid row; the report says per row (from 1) whether it was created or what is wrong with it. */
    @Transactional
    public List<ImportRow> importQuestions(BankKey key, List<QuestionBody> rows) {
        requireOwner(key);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw new InvalidRequest("An import holds at most " + MAX_IMPORT_ROWS + " questions, not " + rows.size());
        }
        List<ImportRow> report = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            QuestionBody row = rows.get(i);
            List<String> problems = new ArrayList<>();
            if (row == null) {
                problems.add("the row is not a question");
            } else {
                Set<ConstraintViolation<QuestionBody>> violations = validator.validate(row);
                violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().forEach(problems::add);
                if (violations.isEmpty()) {
                    problems.addAll(problems(row));
                }
            }
            if (problems.isEmpty()) {
                report.add(new ImportRow(i + 1, "created", store(key, UUID.randomUUID(), 1, true, row).questionId, List.of()));
            } else {
                report.add(new ImportRow(i + 1, "invalid", null, problems));
            }
        }
        questions.flush();
        Log.infof("Import into %s: %d of %d rows created", key.value(),
                report.stream().filter(r -> r.id() != null).count(), rows.size());
        return report;
    }

    private BankQuestion requireLatest(BankKey key, UUID questionId) {
        BankQuestion current = questions.lockLatest(key.value(), questionId);
        if (current == null) {
            throw new ResourceNotFound("question", questionId.toString());
        }
        return current;
    }

    private static List<String> problems(QuestionBody body) {
        return QuestionRules.problems(body.kind(),
                body.options().stream().map(o -> new QuestionRules.OptionDraft(o.text(), o.correct())).toList());
    }

    private BankQuestion store(BankKey key, UUID questionId, int revision, boolean active, QuestionBody body) {
        BankQuestion question = new BankQuestion();
        question.revisionId = UUID.randomUUID();
        question.questionId = questionId;
        question.revision = revision;
        question.bank = key.value();
        question.skillArea = body.skillArea();
        question.kind = body.kind();
        question.text = body.text().strip();
        question.options = new BankQuestion.Options(body.options().stream()
                .map(o -> new BankQuestion.Option(UUID.randomUUID().toString().substring(0, 8), o.text().strip(), o.correct()))
                .toList());
        question.explanation = body.explanation().strip();
        question.active = active;
        question.latest = true;
        question.createdAt = now();
        questions.persist(question);
        return question;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
