package io.partnerhub.certification.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.partnerhub.chassis.problem.ResourceNotFound;

/** Ids in paths that are UUIDs: anything else names nothing (404 without a lookup, not 400, like any unknown id). */
public final class PathIds {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    public static UUID uuid(String id, String kind) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw new ResourceNotFound(kind, id == null ? "" : id.substring(0, Math.min(id.length(), 64)));
        }
        return UUID.fromString(id);
    }
}
