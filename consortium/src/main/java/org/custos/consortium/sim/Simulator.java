package org.custos.consortium.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Plans a consortium history from {@link SimulationParameters}, starting {@link #START} (2025-01-01T00:00:00Z):
 * the admin admits every clinic, each clinic anchors its documents; then, month by month and clinic by clinic,
 * patients visit (first visit: key registered, consents for treatment and payment granted; each visit: a clinical
 * and an appointment record with their access-log entries, sometimes a disclosure), a reviewed break-glass access
 * happens, consents are withdrawn, data-subject requests (erasure and access) arrive and are answered, a breach
 * occurs every other month, and the month ends with a checkpoint of the clinic's access log; appointment keys are
 * destroyed at retention end. Violations are planted at opportunities of the non-clean clinics at the configured
 * rates (docs/consortium.md). The random choices come from one {@link SplittableRandom} for the history and the
 * older kinds and one per newer kind, in a fixed order (a violation draw is made whether its kind is on or not):
 * same parameters, same plan.
 *
 * <p>The planning itself is split by concern: {@link Planner} (the run and the month loop), {@link ClinicHistory},
 * {@link CareViolations}, {@link Retention}, {@link RequestPlanning}, {@link BreachPlanning}, {@link AccessLog},
 * {@link LogViolations}.
 *
 * <p>Clinic 0 is in the EU, clinic 1 (if any) a US HIPAA covered entity, the others random. GDPR violations are
 * planted at EU clinics, HIPAA ones at US covered entities, log violations at any clinic.
 */
public final class Simulator {

    /** 2025-01-01T00:00:00Z. */
    public static final long START = 1_735_689_600L;

    static final long HOUR = 3600;
    static final long DAY = 24 * HOUR;

    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private Simulator() {
    }

    public static long monthStart(int month) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(START), ZoneOffset.UTC).plusMonths(month).toEpochSecond();
    }

    /** t plus n calendar months (UTC; end of month clamps, as java.time does). */
    public static long plusMonths(long t, int months) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneOffset.UTC).plusMonths(months).toEpochSecond();
    }

    public static Plan plan(SimulationParameters parameters) {
        return new Planner(parameters).plan();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A patient's medical record number, the identifier a plain hash would reveal. */
    public static String mrn(int clinic, int patient) {
        return String.format("MRN-%02d-%06d", clinic, patient);
    }

    /** A patient's e-mail address (at most 32 ASCII characters), cleartext personal data. */
    public static String email(int clinic, int patient) {
        return String.format("pat%06d.c%02d@mail.example", patient, clinic);
    }

    static byte[] hash(String what, byte[] id) {
        return sha256(concat(what + "/", id));
    }

    static byte[] concat(String prefix, byte[] id) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + id.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(id, 0, all, head.length, id.length);
        return all;
    }

    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }

    static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    static Credentials key(SplittableRandom random) {
        BigInteger secret;
        do {
            secret = new BigInteger(1, bytes(random));
        } while (secret.signum() == 0 || secret.compareTo(SECP256K1_ORDER) >= 0);
        return Credentials.create(ECKeyPair.create(secret));
    }
}
