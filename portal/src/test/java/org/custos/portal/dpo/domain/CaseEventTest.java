package org.custos.portal.dpo.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.custos.portal.dpo.domain.CaseEvent.Action;
import org.junit.jupiter.api.Test;

/** A case is closed when its last close is not followed by a reopen; reviews do not change it. */
class CaseEventTest {

    private static CaseEvent e(Action action) {
        return new CaseEvent("0xc", "0xr", action, null, "dpo-north", Instant.EPOCH);
    }

    @Test
    void closedFollowsTheLastCloseOrReopen() {
        assertFalse(CaseEvent.closed(List.of()));
        assertFalse(CaseEvent.closed(List.of(e(Action.REVIEWED))));
        assertTrue(CaseEvent.closed(List.of(e(Action.REVIEWED), e(Action.CLOSED))));
        assertFalse(CaseEvent.closed(List.of(e(Action.CLOSED), e(Action.REOPENED))));
        assertTrue(CaseEvent.closed(List.of(e(Action.CLOSED), e(Action.REOPENED), e(Action.REVIEWED),
                e(Action.CLOSED))));
        assertTrue(CaseEvent.closed(List.of(e(Action.CLOSED), e(Action.REVIEWED))));
    }
}
