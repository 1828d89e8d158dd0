package org.custos.reports.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The machine-readable evidence behind a report: a {@code custos-evidence/1} transcript (docs/verification.md),
 * embedded in the PDF as an associated file ({@code /AFRelationship /Data}) under {@link #FILE_NAME}.
 */
public record Evidence(byte[] json) {

    public static final String FILE_NAME = "evidence.json";
    public static final String MEDIA_TYPE = "application/json";

    public Evidence {
        Objects.requireNonNull(json, "json");
        if (json.length == 0) {
            throw new IllegalArgumentException("evidence must not be empty");
        }
        json = json.clone();
    }

    public static Evidence of(String json) {
        return new Evidence(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    /** Lower-case hex SHA-256 of the exact bytes embedded; printed in the report. */
    public String sha256Hex() {
        return sha256Hex(json);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
