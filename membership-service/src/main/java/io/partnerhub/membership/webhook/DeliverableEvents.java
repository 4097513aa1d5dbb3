package io.partnerhub.membership.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a webhook may carry (plain Java): organisation-level events only, named here one by one, so that nothing else
 * on the consumed topics (and nothing of exam- or certification-events, which webhooks never consume) can reach an
 * endpoint: never a person's exam scores, failures or certifications.
 */
public final class DeliverableEvents {

    public static final String TEST_TYPE = "io.partnerhub.webhook.test.v1";

    /** On competency-events: competency status changes and designation changes. */
    public static final List<String> COMPETENCY = List.of(
            "io.partnerhub.competency.attained.v1", "io.partnerhub.competency.renewed.v1",
            "io.partnerhub.competency.at-risk.v1", "io.partnerhub.competency.risk-cleared.v1",
            "io.partnerhub.competency.lapsed.v1",
            "io.partnerhub.designation.attained.v1", "io.partnerhub.designation.at-risk.v1", "io.partnerhub.designation.risk-cleared.v1",
            "io.partnerhub.designation.lost.v1");

    /** On membership-events: people joining and leaving, performance figures, new organisations (ops endpoints). */
    public static final List<String> MEMBERSHIP = List.of(
            "io.partnerhub.employee.joined.v1", "io.partnerhub.employee.left.v1",
            "io.partnerhub.performance.reported.v1", "io.partnerhub.organization.registered.v1");

    public static final Set<String> ALL;

    static {
        Set<String> all = new LinkedHashSet<>(COMPETENCY);
        all.addAll(MEMBERSHIP);
        ALL = Set.copyOf(all);
    }

    private DeliverableEvents() {
    }

    public static boolean deliverable(String type) {
        return type != null && ALL.contains(type);
    }

    /** Whether an endpoint filtering on {@code types} (empty = all) receives {@code type}; test-sends always pass. */
    public static boolean wanted(List<String> types, String type) {
        return TEST_TYPE.equals(type) || types == null || types.isEmpty() || types.contains(type);
    }

    /** The names of a request's filter that are not deliverable (400 if any). */
    public static List<String> unknown(List<String> types) {
        return types == null ? List.of() : types.stream().filter(t -> !deliverable(t)).toList();
    }
}
