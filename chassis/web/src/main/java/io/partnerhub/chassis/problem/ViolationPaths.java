package io.partnerhub.chassis.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean Validation property paths as the client knows its fields. */
final class ViolationPaths {

    private ViolationPaths() {
    }

    /** A violation of a method's return value is the server's fault, not the client's. */
    static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.skills[0].area} → {@code skills[0].area}; a query parameter keeps its name. */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        int start = 0;
        for (int i = 0; i < nodes.size(); i++) {
            ElementKind kind = nodes.get(i).getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                start = i + 1;
            }
        }
        if (start < nodes.size() && nodes.get(start).getKind() == ElementKind.PARAMETER && start + 1 < nodes.size()) {
            start++; // the request body parameter itself says nothing to a client
        }
        StringBuilder field = new StringBuilder();
        for (int i = start; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && !field.isEmpty()) { // the index belongs to the container before this node
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(at == null ? "" : at).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }
}
