package io.partnerhub.chassis.testapp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.partnerhub.chassis.events.EventPublisher.EventsCommitted;

/** Test-only: the subjects {@link EventsCommitted} named and their widget events, as an in-process watcher sees them. */
@ApplicationScoped
public class CommittedSubjects {

    private final Set<String> subjects = ConcurrentHashMap.newKeySet();
    private final Map<String, List<WidgetCreated>> widgets = new ConcurrentHashMap<>();

    void committed(@Observes EventsCommitted committed) {
        subjects.addAll(committed.subjects());
        committed.subjects().forEach(subject -> widgets.put(subject, committed.published(subject, WidgetCreated.class)));
    }

    public boolean seen(String subject) {
        return subjects.contains(subject);
    }

    /** The widget events the last commit that published events of {@code subject} carried for it. */
    public List<WidgetCreated> widgets(String subject) {
        return widgets.getOrDefault(subject, List.of());
    }
}
