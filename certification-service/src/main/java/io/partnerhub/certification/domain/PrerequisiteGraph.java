package io.partnerhub.certification.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** C1: prerequisites of the catalogue must form no cycle (a certification can never require itself, even indirectly). */
public final class PrerequisiteGraph {

    private PrerequisiteGraph() {
    }

    /** A cycle through the prerequisites (first id repeated at the end), or empty when there is none. */
    public static Optional<List<String>> findCycle(Map<String, List<String>> prerequisitesById) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String start : prerequisitesById.keySet().stream().sorted().toList()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, prerequisitesById, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String id, Map<String, List<String>> graph, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return Optional.of(cycle);
        }
        state.put(id, 1);
        path.add(id);
        for (String prerequisite : graph.getOrDefault(id, List.of())) {
            Optional<List<String>> cycle = visit(prerequisite, graph, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return Optional.empty();
    }

    /** The ids named as prerequisites that are not in the catalogue. */
    public static Set<String> unknown(List<String> prerequisites, Set<String> catalogue) {
        Set<String> unknown = new HashSet<>(prerequisites);
        unknown.removeAll(catalogue);
        return unknown;
    }
}
