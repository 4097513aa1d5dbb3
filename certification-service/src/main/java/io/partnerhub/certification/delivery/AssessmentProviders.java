package io.partnerhub.certification.delivery;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The external assessment systems (LMS) that may deliver attempts and report their results:
 * {@code partnerhub.certification.assessment-providers}, the values an assessment-provider token's claim {@code system}
 * may take (none by default; distinct from the exam providers). A root of its own beside CertificationConfig.
 */
@ConfigMapping(prefix = "partnerhub.certification")
public interface AssessmentProviders {

    Optional<List<String>> assessmentProviders();

    default List<String> systems() {
        return assessmentProviders().orElse(List.of());
    }

    default boolean contains(String system) {
        return systems().contains(system);
    }
}
