package io.partnerhub.certification.transcript;

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

@ApplicationScoped
public class TranscriptService {

    private final PassedExamRepository passedExams;
    private final HoldingRepository holdings;
    private final HoldingService holdingService;
    private final AssessmentRepository assessments;
    private final AssessmentResultRepository assessmentResults;

    public TranscriptService(PassedExamRepository passedExams, HoldingRepository holdings, HoldingService holdingService,
            AssessmentRepository assessments, AssessmentResultRepository assessmentResults) {
        this.passedExams = passedExams;
        this.holdings = holdings;
        this.holdingService = holdingService;
        this.assessments = assessments;
        this.assessmentResults = assessmentResults;
    }

    /**
     * exam.passed.v1: records the pass on the transcript (once per attempt) and earns every certification the
     * candidate's passes now complete (C2, chains included), in the consumer's transaction; the pass is written with
     * earning's reads, in one round trip ({@link HoldingService#earn}).
     */
    @Transactional(TxType.MANDATORY)
    public void passed(ExamPassed pass) {
        holdingService.earn(pass);
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
