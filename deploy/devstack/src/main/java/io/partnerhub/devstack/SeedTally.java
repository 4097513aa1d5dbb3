package io.partnerhub.devstack;

import java.util.Map;

/** What a seed did, counted as it goes, and its {@link Seeder.Report} with the summary line. */
final class SeedTally {

    private int created;
    private int done;
    private int alreadyThere;
    private int skipped;
    private int failed;

    /** A 2xx answer; 201 also counts as created. */
    void done(int status) {
        done++;
        if (status == 201) {
            created++;
        }
    }

    void alreadyThere() {
        alreadyThere++;
    }

    void skipped() {
        skipped++;
    }

    void failed() {
        failed++;
    }

    Seeder.Report report(Map<String, String> variables, Progress progress) {
        progress.say("seed: %d created, %d done without creating, %d already there, %d skipped, %d failed",
                created, done - created, alreadyThere, skipped, failed);
        return new Seeder.Report(done, alreadyThere, skipped, failed, created, variables);
    }
}
