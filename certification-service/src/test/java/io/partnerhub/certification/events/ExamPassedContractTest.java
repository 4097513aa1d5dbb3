package io.partnerhub.certification.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.FailureClassifier;

/** exam.passed.v1 lacking a field this service needs does not read, and that failure is deterministic (dead-lettered). */
class ExamPassedContractTest {

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = { "candidateId", "examCode", "attemptId", "score", "takenAt" })
    void aPassWithoutAFieldThisServiceNeedsIsADeterministicFailure(String field) {
        ObjectNode data = new ObjectMapper().createObjectNode().put("candidateId", "cand-1").put("examCode", "AZ-104")
                .put("attemptId", "att-1").put("score", 800).put("takenAt", "2026-01-01T09:00:00Z");
        data.remove(field);
        CloudEvent event = CloudEvent.of("/exam-service", ExamPassed.TYPE, "cand-1", Instant.parse("2026-01-01T10:00:00Z"), data);
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> event.dataAs(ExamPassed.class));
        assertEquals(FailureClassifier.Kind.DETERMINISTIC, FailureClassifier.classify(failure));
    }
}
