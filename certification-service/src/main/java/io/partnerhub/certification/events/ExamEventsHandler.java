package io.partnerhub.certification.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.certification.holding.HoldingService;
import io.partnerhub.certification.transcript.TranscriptService;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/**
 * Listens to exam-service: a pass goes on the candidate's transcript and, in the same transaction, earns every
 * certification it completes (C2, chains included). Other exam event types are not used yet.
 */
@ApplicationScoped
public class ExamEventsHandler implements EventHandler {

    public static final String TOPIC = "exam-events";

    private final TranscriptService transcripts;
    private final HoldingService holdings;

    public ExamEventsHandler(TranscriptService transcripts, HoldingService holdings) {
        this.transcripts = transcripts;
        this.holdings = holdings;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (ExamPassed.TYPE.equals(event.type())) {
            ExamPassed pass = event.dataAs(ExamPassed.class).requireComplete();
            transcripts.recordPass(pass);
            holdings.earn(pass.candidateId());
        }
    }
}
