package org.custos.portal.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A failed check during sync: which block, which check ({@code header}, {@code chain}, {@code seal},
 * {@code transactions}, {@code receipts}, {@code withdrawals}, {@code split-view}, {@code checkpoint}), the stable
 * reason code (ledger-verifier's {@code ReasonCode} name, or {@code SPLIT_VIEW}), the expected and actual values
 * and the endpoint(s). The same failure seen again is counted, not stored twice.
 */
@Entity
@Table(name = "ledger_alert")
public class IntegrityAlert {

    public static final String SPLIT_VIEW = "SPLIT_VIEW";
    public static final int MAX_VALUE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "block_number", nullable = false)
    private long blockNumber;

    @Column(name = "check_name", nullable = false, length = 32)
    private String check;

    @Column(name = "reason", nullable = false, length = 64)
    private String reason;

    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "expected", length = MAX_VALUE)
    private String expected;

    @Column(name = "actual", length = MAX_VALUE)
    private String actual;

    @Column(name = "endpoint", nullable = false, length = 255)
    private String endpoint;

    @Column(name = "other_endpoint", length = 255)
    private String otherEndpoint;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "occurrences", nullable = false)
    private long occurrences;

    protected IntegrityAlert() {
    }

    public IntegrityAlert(long blockNumber, String check, String reason, String subject, String expected,
                          String actual, String endpoint, String otherEndpoint, Instant at) {
        this.blockNumber = blockNumber;
        this.check = check;
        this.reason = reason;
        this.subject = cut(subject, 255);
        this.expected = cut(expected, MAX_VALUE);
        this.actual = cut(actual, MAX_VALUE);
        this.endpoint = cut(endpoint, 255);
        this.otherEndpoint = cut(otherEndpoint, 255);
        this.firstSeen = at;
        this.lastSeen = at;
        this.occurrences = 1;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** True when {@code other} is the same failure (block, check, reason, values, endpoints). */
    public boolean sameFailureAs(IntegrityAlert other) {
        return blockNumber == other.blockNumber && check.equals(other.check) && reason.equals(other.reason)
                && java.util.Objects.equals(expected, other.expected) && java.util.Objects.equals(actual, other.actual)
                && endpoint.equals(other.endpoint) && java.util.Objects.equals(otherEndpoint, other.otherEndpoint);
    }

    public void seenAgain(Instant at) {
        lastSeen = at;
        occurrences++;
    }

    public Long getId() {
        return id;
    }

    public long getBlockNumber() {
        return blockNumber;
    }

    public String getCheck() {
        return check;
    }

    public String getReason() {
        return reason;
    }

    public String getSubject() {
        return subject;
    }

    public String getExpected() {
        return expected;
    }

    public String getActual() {
        return actual;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getOtherEndpoint() {
        return otherEndpoint;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public long getOccurrences() {
        return occurrences;
    }

    @Override
    public String toString() {
        return "block " + blockNumber + " " + check + " " + reason + " (" + subject + "): expected " + expected
                + ", actual " + actual + " at " + endpoint + (otherEndpoint == null ? "" : " vs " + otherEndpoint);
    }
}
