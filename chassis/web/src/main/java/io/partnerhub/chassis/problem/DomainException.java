package io.partnerhub.chassis.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A rule said no. Rendered as {@code application/problem+json} (RFC 9457) with
 * {@code type = https://partnerhub.io/problems/<typeSlug>} and any extension members added with {@link #with}.
 */
public class DomainException extends RuntimeException {

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");

    private final int status;
    private final String typeSlug;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public DomainException(int status, String typeSlug, String title, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem status is 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
    }

    /** Adds an extension member, e.g. {@code with("nextEligibleAt", instant)}; serialized with the app's JSON mapper. */
    public DomainException with(String member, Object value) {
        if (RESERVED.contains(member)) {
            throw new IllegalArgumentException(member + " is a standard problem member");
        }
        extensions.put(member, value);
        return this;
    }

    /**
     * When the client may try again (a 429 or 503): the answer carries {@code Retry-After} with these seconds and the
     * member {@code retryAfterSeconds}.
     */
    public DomainException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return with("retryAfterSeconds", retryAfterSeconds);
    }

    /** The seconds of {@code Retry-After}, when {@link #retryAfter} set them. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String type() {
        return Problems.TYPE_BASE + typeSlug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
