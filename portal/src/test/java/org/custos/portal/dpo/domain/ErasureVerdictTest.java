package org.custos.portal.dpo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.custos.portal.compliance.domain.Deadlines;
import org.custos.portal.dpo.domain.ErasureVerdict.Access;
import org.custos.portal.dpo.domain.ErasureVerdict.Facts;
import org.custos.portal.dpo.domain.ErasureVerdict.Key;
import org.custos.portal.dpo.domain.ErasureVerdict.Outcome;
import org.junit.jupiter.api.Test;

/** The erasure verdict at its edges: the deadline's last second, the destruction's own second, the extension. */
class ErasureVerdictTest {

    private static final Instant RECEIVED = Instant.parse("2025-01-31T10:00:00Z");
    private static final Instant DEADLINE = Deadlines.art12(RECEIVED, null);
    private static final Instant LATER = Instant.parse("2026-01-01T00:00:00Z");
    private static final String K1 = "0x" + "1".repeat(64);
    private static final String K2 = "0x" + "2".repeat(64);

    private static Facts facts(Instant answered, List<Key> keys, List<Access> accesses) {
        return new Facts(RECEIVED, DEADLINE, answered, true, null, keys, accesses, LATER);
    }

    private static Key destroyed(String key, Instant at) {
        return new Key(key, at, true, "verified", true);
    }

    @Test
    void theDeadlineIsTheLastDayOfFebruaryForAReceiptOnThe31stOfJanuary() {
        assertEquals(Instant.parse("2025-02-28T10:00:00Z"), DEADLINE);
    }

    @Test
    void aKeyDestroyedAtTheDeadlinesLastSecondIsInTimeAndOneSecondLaterIsLate() {
        ErasureVerdict atDeadline = ErasureVerdict.of(facts(DEADLINE, List.of(destroyed(K1, DEADLINE)), List.of()));
        assertEquals(Outcome.ERASURE_EQUIVALENT, atDeadline.outcome(), atDeadline.reasons().toString());
        assertTrue(atDeadline.certified());
        assertTrue(atDeadline.reasons().isEmpty());

        ErasureVerdict oneLater = ErasureVerdict.of(facts(DEADLINE, List.of(destroyed(K1, DEADLINE.plusSeconds(1))),
                List.of()));
        assertEquals(Outcome.LATE, oneLater.outcome());
        assertFalse(oneLater.certified());
        assertTrue(oneLater.reasons().get(0).contains("after the deadline"), oneLater.reasons().toString());
    }

    @Test
    void anAnswerOneSecondAfterTheDeadlineIsLate() {
        ErasureVerdict v = ErasureVerdict.of(facts(DEADLINE.plusSeconds(1), List.of(destroyed(K1, DEADLINE)),
                List.of()));
        assertEquals(Outcome.LATE, v.outcome());
    }

    @Test
    void anAccessInTheDestructionsSecondIsNotLaterAndOneSecondAfterIs() {
        Instant d = RECEIVED.plusSeconds(3600);
        ErasureVerdict same = ErasureVerdict.of(facts(d, List.of(destroyed(K1, d)),
                List.of(new Access(K1, "access-log/7.json", d))));
        assertEquals(Outcome.ERASURE_EQUIVALENT, same.outcome(), same.reasons().toString());

        ErasureVerdict after = ErasureVerdict.of(facts(d, List.of(destroyed(K1, d)),
                List.of(new Access(K1, "access-log/7.json", d.plusSeconds(1)))));
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, after.outcome());
        assertTrue(after.reasons().get(0).contains("access-log/7.json"), after.reasons().toString());
        // a read under another key of the subject does not count against this one
        ErasureVerdict other = ErasureVerdict.of(facts(d, List.of(destroyed(K1, d)),
                List.of(new Access(K2, "access-log/8.json", d.plusSeconds(60)))));
        assertEquals(Outcome.ERASURE_EQUIVALENT, other.outcome());
    }

    @Test
    void anExtensionNoticeOnTheLastDayOfMonthOneExtendsAndOnTheFirstOfMonthTwoDoesNot() {
        Instant received = Instant.parse("2025-03-15T09:00:00Z");
        Instant lastOfMonthOne = Instant.parse("2025-04-15T09:00:00Z");
        assertEquals(Instant.parse("2025-06-15T09:00:00Z"), Deadlines.art12(received, lastOfMonthOne));
        assertEquals(Instant.parse("2025-04-15T09:00:00Z"), Deadlines.art12(received, lastOfMonthOne.plusSeconds(1)));
        // by calendar day: any time on the last day of month one up to the received time of day extends; the
        // first day of month two is too late
        assertEquals(Instant.parse("2025-06-15T09:00:00Z"),
                Deadlines.art12(received, Instant.parse("2025-04-15T00:00:00Z")));
        assertEquals(Instant.parse("2025-04-15T09:00:00Z"),
                Deadlines.art12(received, Instant.parse("2025-04-16T00:00:00Z")));
        Instant destroyedInMonthTwo = Instant.parse("2025-05-01T00:00:00Z");
        Facts extended = new Facts(received, Deadlines.art12(received, lastOfMonthOne), destroyedInMonthTwo, true, null,
                List.of(destroyed(K1, destroyedInMonthTwo)), List.of(), LATER);
        assertEquals(Outcome.ERASURE_EQUIVALENT, ErasureVerdict.of(extended).outcome());
        Facts tooLate = new Facts(received, Deadlines.art12(received, lastOfMonthOne.plusSeconds(1)),
                destroyedInMonthTwo, true, null, List.of(destroyed(K1, destroyedInMonthTwo)), List.of(), LATER);
        assertEquals(Outcome.LATE, ErasureVerdict.of(tooLate).outcome());
    }

    @Test
    void aKeyNeverDestroyedOrWithoutAVerifiedReceiptIsNotErasureEquivalent() {
        Instant d = RECEIVED.plusSeconds(60);
        ErasureVerdict never = ErasureVerdict.of(facts(d, List.of(destroyed(K1, d), new Key(K2, null, false, null, false)),
                List.of()));
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, never.outcome());
        assertTrue(never.reasons().contains("key " + K2 + " not destroyed"), never.reasons().toString());

        ErasureVerdict unverified = ErasureVerdict.of(facts(d, List.of(new Key(K1, d, false, "WRONG_SIGNER", true)),
                List.of()));
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, unverified.outcome());
        assertTrue(unverified.reasons().get(0).contains("WRONG_SIGNER"), unverified.reasons().toString());
    }

    @Test
    void withoutAVerifiedAccessLogPastTheDestructionNoReadIsKnownAndNothingIsCertified() {
        Instant d = RECEIVED.plusSeconds(60);
        ErasureVerdict unchecked = ErasureVerdict.of(facts(d, List.of(new Key(K1, d, true, "verified", false)),
                List.of()));
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, unchecked.outcome());
        assertTrue(unchecked.reasons().get(0).contains("not checked yet"), unchecked.reasons().toString());
    }

    @Test
    void noKeysARefusalOrNoAnswerAreNeverCertified() {
        Instant d = RECEIVED.plusSeconds(60);
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, ErasureVerdict.of(facts(d, List.of(), List.of())).outcome());
        Facts refused = new Facts(RECEIVED, DEADLINE, d, false, "refused (legal ground 3)",
                List.of(destroyed(K1, d)), List.of(), LATER);
        ErasureVerdict r = ErasureVerdict.of(refused);
        assertEquals(Outcome.NOT_ERASURE_EQUIVALENT, r.outcome());
        assertTrue(r.reasons().get(0).contains("refused (legal ground 3)"));
        // not answered: in progress before the deadline, late after it; a destroyed key does not certify it
        Facts open = new Facts(RECEIVED, DEADLINE, null, false, null, List.of(destroyed(K1, d)), List.of(),
                DEADLINE);
        assertEquals(Outcome.IN_PROGRESS, ErasureVerdict.of(open).outcome());
        Facts overdue = new Facts(RECEIVED, DEADLINE, null, false, null, List.of(destroyed(K1, d)), List.of(),
                DEADLINE.plusSeconds(1));
        assertEquals(Outcome.LATE, ErasureVerdict.of(overdue).outcome());
        assertFalse(ErasureVerdict.of(overdue).certified());
    }
}
