package io.partnerhub.certification.transcript;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.certification.events.ExamPassed;
import io.partnerhub.certification.transcript.TranscriptViews.PassedExamView;
import io.partnerhub.certification.transcript.TranscriptViews.TranscriptView;
import io.quarkus.logging.Log;

@ApplicationScoped
public class TranscriptService {

    private final PassedExamRepository passedExams;
    private final Clock clock;

    public TranscriptService(PassedExamRepository passedExams, Clock clock) {
        this.passedExams = passedExams;
        this.clock = clock;
    }

    /**
     * Records a pass once per attempt: the inbox already drops a redelivered event, and an attempt reported again
     * under a new event id changes nothing either.
     *
     * @return true when the pass was new
     */
    @Transactional(TxType.MANDATORY)
    public boolean recordPass(ExamPassed pass) {
        if (passedExams.findByIdOptional(pass.attemptId()).isPresent()) {
            Log.infof("Attempt %s already on the transcript of %s", pass.attemptId(), pass.candidateId());
            return false;
        }
        PassedExam passed = new PassedExam();
        passed.attemptId = pass.attemptId();
        passed.candidateId = pass.candidateId();
        passed.examCode = pass.examCode();
        passed.score = pass.score();
        passed.takenAt = pass.takenAt();
        passed.recordedAt = clock.instant();
        passedExams.persist(passed);
        Log.infof("Recorded pass of %s (attempt %s) for candidate %s", pass.examCode(), pass.attemptId(), pass.candidateId());
        return true;
    }

    public TranscriptView transcript(String candidateId) {
        return new TranscriptView(candidateId,
                passedExams.ofCandidate(candidateId).stream().map(PassedExamView::of).toList());
    }
}
