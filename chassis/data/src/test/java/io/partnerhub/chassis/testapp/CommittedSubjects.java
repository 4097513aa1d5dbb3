package io.partnerhub.chassis.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.partnerhub.chassis.events.EventPublisher.EventsCommitted;

/** Test-only: the subjects {@link EventsCommitted} named, as an in-process watcher sees them. */
@ApplicationScoped
public class CommittedSubjects {

    private final Set<String> subjects = ConcurrentHashMap.newKeySet();

    void committed(@Observes EventsCommitted committed) {
        subjects.addAll(committed.subjects());
    }

    public boolean seen(String subject) {
        return subjects.contains(subject);
    }
}
