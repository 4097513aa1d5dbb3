package io.partnerhub.exam.result;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.exam.exam.ExamService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Time-driven rules, run every partnerhub.exam.sweep-interval (1s in %test): E6 release of withheld beta scores and
 * E1 retirement taking effect (exam.retired.v1). Several instances may run them at once: optimistic locking lets one win.
 */
@ApplicationScoped
public class Sweeps {

    private final ResultService results;
    private final ExamService exams;

    public Sweeps(ResultService results, ExamService exams) {
        this.results = results;
        this.exams = exams;
    }

    @Scheduled(identity = "exam-sweeps", every = "${partnerhub.exam.sweep-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            results.releaseWithheld();
        } catch (RuntimeException e) {
            Log.warnf("beta score release failed, will retry: %s", e.toString());
        }
        try {
            exams.publishRetirements();
        } catch (RuntimeException e) {
            Log.warnf("retirement sweep failed, will retry: %s", e.toString());
        }
    }
}
