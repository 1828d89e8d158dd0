package org.custos.portal.dpo.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether one erasure request was carried out as crypto-shredding that counts as erasure (CNIL 2018; EDPB
 * Guidelines 02/2025 paras 51-54): every key registered to the subject destroyed, each destruction backed by a
 * verified KMS deletion receipt, no read of the subject's records after its key was destroyed (checked: a
 * verified access log reaches past each destruction), all of it in time.
 *
 * <p>Times are exact to the second, and a deadline is met at its last second ({@code !isAfter}); an access in the
 * destruction's own second is not later (the access log records whole seconds, as {@code KeyDestroyed}'s block
 * time does: the two cannot be ordered within a second, and the rule GDPR-ER-02 reads them the same way).
 */
public record ErasureVerdict(Outcome outcome, List<String> reasons) {

    /** The verdict; a request still open is {@link #IN_PROGRESS}, never certified. */
    public enum Outcome {
        ERASURE_EQUIVALENT("erasure-equivalent"),
        LATE("late"),
        NOT_ERASURE_EQUIVALENT("not erasure-equivalent"),
        IN_PROGRESS("in progress");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A key registered to the subject: when it was destroyed (null: not yet), whether a receipt proves it, and
     * whether reads after the destruction were checked at all ({@code readsChecked}: a verified bundle's anchored
     * access log reaches past the destruction; without one, "no read after it" is not known, so not certified).
     */
    public record Key(String keyId, Instant destroyed, boolean receiptVerified, String receiptStatus,
                      boolean readsChecked) {
        public Key {
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /** A read of a record under {@code keyId}, from a verified bundle's anchored access log. */
    public record Access(String keyId, String entry, Instant recorded) {
        public Access {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /**
     * The facts of one erasure request.
     *
     * @param deadline the deadline that applies (with a timely extension), from the one request clock
     * @param answered the answer's time, null when not answered
     * @param fulfilled whether the answer's outcome is FULFILLED
     * @param asOf     the time the facts are judged at (the newest verified block's time)
     */
    public record Facts(Instant received, Instant deadline, Instant answered, boolean fulfilled, String refusal,
                        List<Key> keys, List<Access> accesses, Instant asOf) {
        public Facts {
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(asOf, "asOf");
            keys = List.copyOf(keys);
            accesses = List.copyOf(accesses);
        }
    }

    public ErasureVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean certified() {
        return outcome == Outcome.ERASURE_EQUIVALENT;
    }

    public static ErasureVerdict of(Facts f) {
        List<String> not = new ArrayList<>();
        List<String> late = new ArrayList<>();
        boolean due = f.asOf().isAfter(f.deadline());
        if (f.answered() == null) {
            (due ? late : not).add(due ? "not answered by the deadline " + f.deadline()
                    : "not answered yet (due " + f.deadline() + ")");
        } else {
            if (!f.fulfilled()) {
                not.add("answered " + (f.refusal() == null ? "without fulfilling the request" : f.refusal()));
            }
            if (f.answered().isAfter(f.deadline())) {
                late.add("answered at " + f.answered() + ", after the deadline " + f.deadline());
            }
        }
        if (f.keys().isEmpty()) {
            not.add("no key is registered to the subject: nothing on the ledger shows the records made unreadable");
        }
        for (Key k : f.keys()) {
            if (k.destroyed() == null) {
                not.add("key " + k.keyId() + " not destroyed");
                continue;
            }
            if (k.destroyed().isAfter(f.deadline())) {
                late.add("key " + k.keyId() + " destroyed at " + k.destroyed() + ", after the deadline "
                        + f.deadline());
            }
            if (!k.readsChecked()) {
                not.add("reads of records under key " + k.keyId() + " after its destruction are not checked yet: no "
                        + "verified evidence bundle of the clinic reaches past " + k.destroyed());
            }
            if (!k.receiptVerified()) {
                not.add("key " + k.keyId() + ": no verified KMS deletion receipt (" + (k.receiptStatus() == null
                        ? "none checked" : k.receiptStatus()) + ")");
            }
            for (Access a : f.accesses()) {
                if (a.keyId().equals(k.keyId()) && a.recorded().isAfter(k.destroyed())) {
                    not.add("a record under key " + k.keyId() + " was read at " + a.recorded()
                            + (a.entry() == null ? "" : " (" + a.entry() + ")") + ", after the key's destruction at "
                            + k.destroyed());
                }
            }
        }
        List<String> reasons = new ArrayList<>(not);
        reasons.addAll(late);
        if (f.answered() == null && !due) {
            return new ErasureVerdict(Outcome.IN_PROGRESS, reasons);
        }
        if (!not.isEmpty()) {
            return new ErasureVerdict(Outcome.NOT_ERASURE_EQUIVALENT, reasons);
        }
        return new ErasureVerdict(late.isEmpty() ? Outcome.ERASURE_EQUIVALENT : Outcome.LATE, reasons);
    }
}
