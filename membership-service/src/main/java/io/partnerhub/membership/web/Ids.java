package io.partnerhub.membership.web;

import java.util.UUID;

import io.partnerhub.chassis.problem.ResourceNotFound;

/** Path ids: UUIDs; anything else names nothing (404). Lengths are bounded with {@code @Size(max = 64)} first (400). */
public final class Ids {

    public static final int MAX = 64;

    private Ids() {
    }

    public static UUID parse(String resource, String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (!uuid.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound(resource, id);
        }
    }
}
