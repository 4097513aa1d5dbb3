package io.partnerhub.certification.transcript;

import java.time.Instant;
import java.util.List;

/** Response bodies of the transcript (C7). Active certifications, history and assessments join later. */
public final class TranscriptViews {

    private TranscriptViews() {
    }

    public record PassedExamView(String examCode, String attemptId, int score, Instant takenAt) {

        static PassedExamView of(PassedExam passed) {
            return new PassedExamView(passed.examCode, passed.attemptId, passed.score, passed.takenAt);
        }
    }

    public record TranscriptView(String candidateId, List<PassedExamView> passedExams) {
    }
}
