package io.partnerhub.certification.delivery;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The external assessment systems (LMS) that may deliver attempts and report their results:
 * {@code partnerhub.certification.assessment-providers}, the values an assessment-provider token's claim {@code system}
 * may take (none by default; distinct from the exam providers).
 */
@ApplicationScoped
public class AssessmentProviders {

    private final List<String> systems;

    public AssessmentProviders(@ConfigProperty(name = "partnerhub.certification.assessment-providers") Optional<List<String>> systems) {
        this.systems = List.copyOf(systems.orElse(List.of()));
    }

    public List<String> systems() {
        return systems;
    }

    public boolean contains(String system) {
        return systems.contains(system);
    }
}
