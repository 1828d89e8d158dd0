package org.custos.portal.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClinicDirectoryTest {

    private static final String NORTH = "0x" + "ab".repeat(32);
    private static final String SOUTH = "0x" + "cd".repeat(32);
    private static final String OTHER = "0x" + "ef".repeat(32);

    @Test
    void configuredNamesWinOverPortalIdsAndUnknownClinicsGetShortIds() {
        ClinicDirectory d = ClinicDirectory.of(" " + NORTH.toUpperCase().replace("0X", "0x") + " = North Clinic ;\n",
                Map.of("clinic-north", NORTH, "clinic-south", SOUTH));
        assertEquals("North Clinic", d.name(NORTH));
        assertEquals("clinic-south", d.name(SOUTH));
        assertEquals("0xefef\u2026efef", d.name(OTHER));
        assertEquals("North Clinic (" + NORTH + ")", d.nameWithId(NORTH));
        assertEquals(OTHER, d.nameWithId(OTHER));
        assertEquals("", d.name(null));
        assertEquals("", d.nameWithId(""));
    }

    @Test
    void aNameMayContainCommasAndEqualsSigns() {
        ClinicDirectory d = ClinicDirectory.of(NORTH + "=Smith, Jones & Co = Dublin", Map.of());
        assertEquals("Smith, Jones & Co = Dublin", d.name(NORTH));
    }

    @Test
    void wrongEntriesAreRefusedNamingTheSetting() {
        for (String bad : new String[] {"North Clinic", NORTH + "=", "0x12=North", NORTH + "=a\u0000b",
                NORTH + "=" + "x".repeat(ClinicDirectory.MAX_NAME + 1), NORTH + "=A;" + NORTH + "=B"}) {
            LedgerConfigException e = assertThrows(LedgerConfigException.class, () -> ClinicDirectory.of(bad, Map.of()),
                    bad);
            assertTrue(e.getMessage().startsWith(ClinicDirectory.NAMES), e.getMessage());
        }
    }

    @Test
    void emptyConfigurationNamesNobody() {
        assertTrue(ClinicDirectory.of("", Map.of()).names().isEmpty());
        assertTrue(ClinicDirectory.of(null, Map.of()).names().isEmpty());
        assertEquals("0xabab\u2026abab", ClinicDirectory.empty().name(NORTH));
    }
}
