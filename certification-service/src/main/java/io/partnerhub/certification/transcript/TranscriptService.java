package io.partnerhub.certification.transcript;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.certification.assessment.AssessmentRepository;
import io.partnerhub.certification.assessment.AssessmentResult;
import io.partnerhub.certification.assessment.AssessmentResultRepository;
import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.events.ExamPassed;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.certification.holding.HoldingService;
import io.partnerhub.certification.holding.HoldingService.Audience;
import io.partnerhub.certification.holding.HoldingViews.HoldingView;
import io.partnerhub.certification.transcript.TranscriptViews.PassedAssessmentView;
import io.partnerhub.certification.transcript.TranscriptViews.PassedExamView;
import io.partnerhub.certification.transcript.TranscriptViews.TranscriptView;
import io.quarkus.logging.Log;

@ApplicationScoped
public class TranscriptService {

    private final PassedExamRepository passedExams;
    private final HoldingRepository holdings;
    private final HoldingService holdingService;
    private final AssessmentRepository assessments;
    private final AssessmentResultRepository assessmentResults;
    private final Clock clock;

    public TranscriptService(PassedExamRepository passedExams, HoldingRepository holdings, HoldingService holdingService,
            AssessmentRepository assessments, AssessmentResultRepository assessmentResults, Clock clock) {
        this.passedExams = passedExams;
        this.holdings = holdings;
        this.holdingService = holdingService;
        this.assessments = assessments;
        this.assessmentResults = assessmentResults;
        this.clock = clock;
    }

    /**
     * exam.passed.v1: records the pass on the transcript and earns every certification the candidate's passes now
     * complete (C2, chains included), in the consumer's transaction.
     */
    @Transactional(TxType.MANDATORY)
    public void passed(ExamPassed pass) {
        recordPass(pass);
        holdingService.earn(pass.candidateId());
    }

    /**
     * Records a pass once per attempt: the inbox already drops a redelivered event, and an attempt reported again
     * under a new event id changes nothing either.
     *
     * @return true when the pass was new
     */
    private boolean recordPass(ExamPassed pass) {
        // one statement (issue #25: the earn path in fewer round trips), where a look-up and an insert took two
        int inserted = passedExams.getEntityManager().createNativeQuery("INSERT INTO passed_exam (attempt_id, candidate_id,"
                + " exam_code, score, taken_at, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (attempt_id) DO NOTHING")
                .setParameter(1, pass.attemptId()).setParameter(2, pass.candidateId()).setParameter(3, pass.examCode())
                .setParameter(4, pass.score()).setParameter(5, java.sql.Timestamp.from(pass.takenAt()))
                .setParameter(6, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        if (inserted == 0) {
            Log.infof("Attempt %s already on the transcript of %s", pass.attemptId(), pass.candidateId());
            return false;
        }
        Log.infof("Recorded pass of %s (attempt %s) for candidate %s", pass.examCode(), pass.attemptId(), pass.candidateId());
        return true;
    }

    /** The transcript for {@code audience}: the holder and ops see the badge salts, a shared transcript does not. */
    public TranscriptView transcript(String candidateId, Audience audience) {
        List<HoldingView> holdings = holdingService.views(this.holdings.ofCandidate(candidateId), audience);
        List<HoldingView> active = holdings.stream().filter(h -> h.status() == HoldingStatus.ACTIVE).toList();
        List<HoldingView> history = holdings.stream().filter(h -> h.status() != HoldingStatus.ACTIVE).toList();
        List<AssessmentResult> passed = assessmentResults.passedBy(candidateId);
        Map<String, String> names = passed.isEmpty() ? Map.of()
                : assessments.list("id in ?1", passed.stream().map(r -> r.assessmentId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(a -> a.id, a -> a.name));
        return new TranscriptView(candidateId, active, history,
                passedExams.ofCandidate(candidateId).stream().map(PassedExamView::of).toList(),
                passed.stream().map(r -> new PassedAssessmentView(r.assessmentId, names.get(r.assessmentId), r.takenAt)).toList());
    }
}
