package io.partnerhub.certification.transcript;

import java.time.Instant;
import java.util.List;

import io.partnerhub.certification.holding.HoldingViews.HoldingView;

/**
 * Response bodies of the transcript (C7): active certifications, history (expired and revoked holdings), passed exams
 * and passed assessments. Holdings show the certification's lifecycle and successor (C5).
 */
public final class TranscriptViews {

    private TranscriptViews() {
    }

    public record PassedExamView(String examCode, String attemptId, int score, Instant takenAt) {

        static PassedExamView of(PassedExam passed) {
            return new PassedExamView(passed.examCode, passed.attemptId, passed.score, passed.takenAt);
        }
    }

    public record PassedAssessmentView(String assessmentId, String name, Instant passedAt) {
    }

    public record TranscriptView(String candidateId, List<HoldingView> activeCertifications, List<HoldingView> history,
            List<PassedExamView> passedExams, List<PassedAssessmentView> passedAssessments) {
    }
}
