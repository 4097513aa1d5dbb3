package io.partnerhub.membership.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #23 what a new requirement version changes for an organisation, as lines for the mail: per level, each path the
 * new version adds and each path of the previous version it drops (a path is all its requirements, described as
 * text; two paths are the same when their descriptions are). No previous version: every path is new. An empty list
 * means nothing changes, and no mail is sent.
 */
public final class RequirementDifference {

    private RequirementDifference() {
    }

    /**
     * @param before the previous version's paths per level name (empty map: no previous version)
     * @param after the new version's paths per level name, in the order to report
     */
    public static List<String> of(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> lines = new ArrayList<>();
        Set<String> levels = new LinkedHashSet<>(after.keySet());
        levels.addAll(before.keySet());
        for (String level : levels) {
            List<String> old = before.getOrDefault(level, List.of());
            List<String> now = after.getOrDefault(level, List.of());
            now.stream().filter(path -> !old.contains(path)).distinct()
                    .forEach(path -> lines.add(level + ": new path: " + path));
            old.stream().filter(path -> !now.contains(path)).distinct()
                    .forEach(path -> lines.add(level + ": path no longer counts: " + path));
        }
        return lines;
    }
}
