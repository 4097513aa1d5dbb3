package io.partnerhub.certification.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.certification.transcript.TranscriptService;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/**
 * Listens to exam-service: a pass goes on the candidate's transcript and, in the same transaction, earns every
 * certification it completes (C2, chains included; {@link TranscriptService#passed}). Other exam event types are not
 * used yet.
 */
@ApplicationScoped
public class ExamEventsHandler implements EventHandler {

    public static final String TOPIC = "exam-events";

    private final TranscriptService transcripts;

    public ExamEventsHandler(TranscriptService transcripts) {
        this.transcripts = transcripts;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (ExamPassed.TYPE.equals(event.type())) {
            transcripts.passed(event.dataAs(ExamPassed.class));
        }
    }
}
