package org.custos.portal.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestLineLimitFilterTest {

    private static final String PATH = "/custos/ledger/block.xhtml";

    @Test
    void anAddressUpToTheLimitIsHandledOneCharacterMoreIsRefused() {
        int room = RequestLineLimitFilter.MAX_TARGET - PATH.length() - 1;
        assertFalse(RequestLineLimitFilter.tooLong(PATH, "q".repeat(room)));
        assertTrue(RequestLineLimitFilter.tooLong(PATH, "q".repeat(room + 1)));
    }

    @Test
    void pathsAloneCountAndMissingPartsAreEmpty() {
        assertFalse(RequestLineLimitFilter.tooLong(null, null));
        assertFalse(RequestLineLimitFilter.tooLong(PATH, null));
        assertFalse(RequestLineLimitFilter.tooLong(PATH, ""));
        assertTrue(RequestLineLimitFilter.tooLong("/" + "p".repeat(RequestLineLimitFilter.MAX_TARGET), null));
        assertTrue(RequestLineLimitFilter.tooLong(PATH, "q=" + "x".repeat(9 * 1024)));
        assertTrue(RequestLineLimitFilter.tooLong(PATH, "q=" + "x".repeat(20 * 1024)));
    }
}
