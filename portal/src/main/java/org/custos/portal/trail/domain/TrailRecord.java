package org.custos.portal.trail.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The facts of one trail entry before it is chained: who ({@code actor}, their roles and clinic), did what
 * ({@code action}) to which object ({@code objectType}, {@code objectId}), when, with an optional detail.
 * The time is truncated to microseconds, the precision both H2 and PostgreSQL store, so that the hash
 * computed before storing equals the hash recomputed after reading back.
 */
public record TrailRecord(Instant occurredAt, String actor, String actorRoles, String clinicId,
                          TrailAction action, String objectType, String objectId, String detail) {

    public static final int MAX_DETAIL = 2000;

    public TrailRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        requireText(actor, "actor", 255);
        actorRoles = actorRoles == null ? "" : limit(actorRoles, 255);
        Objects.requireNonNull(action, "action");
        requireText(objectType, "objectType", 64);
        objectId = objectId == null ? null : limit(objectId, 255);
        detail = detail == null ? null : limit(detail, MAX_DETAIL);
        clinicId = clinicId == null || clinicId.isBlank() ? null : limit(clinicId, 64);
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
