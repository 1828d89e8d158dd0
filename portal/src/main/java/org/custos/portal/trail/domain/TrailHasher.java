package org.custos.portal.trail.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.custos.verify.Hex;

/**
 * Computes a trail entry's hash: SHA-256 over the domain tag {@code custos-trail-v1}, then each field as a
 * 4-byte big-endian length and its UTF-8 bytes (length -1 for an absent value), in this order: sequence
 * number (decimal), time (ISO-8601 UTC, microseconds), actor, roles, clinic, action, object type, object id,
 * detail, previous hash (hex). Length prefixes make the encoding unambiguous: no two different entries
 * encode to the same bytes. Documented in docs/architecture.md; changing it breaks every stored chain.
 */
public final class TrailHasher {

    /** The previous hash of the first entry: 32 zero bytes. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final byte[] DOMAIN_TAG = "custos-trail-v1".getBytes(StandardCharsets.US_ASCII);

    private TrailHasher() {
    }

    public static String hash(long seq, TrailRecord r, String prevHash) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN_TAG);
        field(sha, Long.toString(seq));
        field(sha, r.occurredAt().toString());
        field(sha, r.actor());
        field(sha, r.actorRoles());
        field(sha, r.clinicId());
        field(sha, r.action().name());
        field(sha, r.objectType());
        field(sha, r.objectId());
        field(sha, r.detail());
        field(sha, prevHash);
        return Hex.encode(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
