package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The one clinic-scope rule: regulators every clinic (their choice kept), clinic-bound callers their mapped clinic
 * whatever they ask, an unmapped clinic nothing at all (fail closed), a clinic-bound caller without a clinic
 * refused; clinic ids compared without regard to case.
 */
class ClinicScopeTest {

    private static final String NORTH = "0x" + "a1".repeat(32);
    private static final String SOUTH = "0x" + "b2".repeat(32);
    private static final String CLINICS = "clinic-north=" + NORTH + ",clinic-south=" + SOUTH.toUpperCase(Locale.ROOT)
            .replace("0X", "0x");

    /** Ids a caller might name: own, other, consortium scope, the no-clinic marker, junk, upper case. */
    private static Stream<String> everyId() {
        return Stream.of(NORTH, SOUTH, upper(NORTH), upper(SOUTH), ClinicFacts.CONSORTIUM, ClinicScope.NO_CLINIC, "",
                " ", "clinic-north", "clinic-east", "0x", "0x" + "a1".repeat(31), NORTH + "00", "' or 1=1 --");
    }

    @Test
    void aRegulatorSeesEveryClinicAndKeepsTheirChoice() {
        ClinicScope scope = scope(Roles.REGULATOR, null, CLINICS);
        assertThat(scope.allClinics()).isTrue();
        assertThat(scope.ownClinic()).isEmpty();
        assertThat(scope.queryScope()).isNull();
        assertThat(scope.restrict(null)).isNull();
        assertThat(scope.restrict("")).isNull();
        assertThat(scope.restrict("  \t")).isNull();
        assertThat(scope.restrict(SOUTH)).isEqualTo(SOUTH);
        assertThat(scope.restrict(" " + upper(SOUTH) + " ")).isEqualTo(SOUTH);
        assertThat(scope.mayAccess(NORTH)).isTrue();
        assertThat(scope.mayAccess(upper(SOUTH))).isTrue();
        assertThat(scope.mayAccess(ClinicFacts.CONSORTIUM)).isTrue();
        assertThat(scope.mayAccess(null)).isFalse();
    }

    @Test
    void aRegulatorWithAClinicClaimStillSeesEveryClinic() {
        ClinicScope scope = scope(Roles.REGULATOR, "clinic-north", CLINICS);
        assertThat(scope.queryScope()).isNull();
        assertThat(scope.restrict(SOUTH)).isEqualTo(SOUTH);
        assertThat(scope.mayAccess(SOUTH)).isTrue();
    }

    @Test
    void aMappedOfficerSeesOnlyTheirOwnClinicWhateverTheyAsk() {
        for (String role : new String[] {Roles.COMPLIANCE_OFFICER, Roles.DPO}) {
            ClinicScope scope = scope(role, "clinic-north", CLINICS);
            assertThat(scope.allClinics()).isFalse();
            assertThat(scope.ownClinic()).contains(NORTH);
            assertThat(scope.queryScope()).isEqualTo(NORTH);
            assertThat(scope.tokenClinic()).isEqualTo("clinic-north");
            everyId().forEach(asked -> assertThat(scope.restrict(asked)).as(asked).isEqualTo(NORTH));
            assertThat(scope.restrict(null)).isEqualTo(NORTH);
            assertThat(scope.mayAccess(NORTH)).isTrue();
            assertThat(scope.mayAccess(upper(NORTH))).isTrue();
            everyId().filter(id -> !id.equalsIgnoreCase(NORTH))
                    .forEach(id -> assertThat(scope.mayAccess(id)).as(id).isFalse());
            assertThat(scope.mayAccess(null)).isFalse();
        }
    }

    @Test
    void aMappedClinicIsComparedWithoutRegardToCase() {
        ClinicScope south = scope(Roles.COMPLIANCE_OFFICER, "clinic-south", CLINICS);
        assertThat(south.ownClinic()).contains(SOUTH);
        assertThat(south.mayAccess(upper(SOUTH))).isTrue();
        ClinicScope byHash = scope(Roles.COMPLIANCE_OFFICER, upper(SOUTH), CLINICS);
        assertThat(byHash.ownClinic()).contains(SOUTH);
        assertThat(byHash.queryScope()).isEqualTo(SOUTH);
        assertThat(byHash.mayAccess(SOUTH)).isTrue();
        assertThat(byHash.mayAccess(NORTH)).isFalse();
    }

    @Test
    void anUnmappedOfficerSeesNothingNeverEverything() {
        for (String claim : new String[] {"clinic-east", "CLINIC-NORTH", "0x1234", "0x" + "a1".repeat(31)}) {
            ClinicScope scope = scope(Roles.COMPLIANCE_OFFICER, claim, CLINICS);
            assertThat(scope.allClinics()).isFalse();
            assertThat(scope.ownClinic()).as(claim).isEmpty();
            assertThat(scope.queryScope()).as(claim).isEqualTo(ClinicScope.NO_CLINIC);
            assertThat(scope.restrict(null)).isEqualTo(ClinicScope.NO_CLINIC);
            everyId().forEach(asked -> assertThat(scope.restrict(asked)).as(asked).isEqualTo(ClinicScope.NO_CLINIC));
            everyId().forEach(id -> assertThat(scope.mayAccess(id)).as(claim + " -> " + id).isFalse());
            assertThat(scope.mayAccess(null)).isFalse();
        }
    }

    @Test
    void withoutAnyClinicMappingAClinicNameMapsToNothing() {
        ClinicScope scope = scope(Roles.DPO, "clinic-north", null);
        assertThat(scope.queryScope()).isEqualTo(ClinicScope.NO_CLINIC);
        everyId().forEach(id -> assertThat(scope.mayAccess(id)).as(id).isFalse());
    }

    @Test
    void aClinicBoundCallerWithoutAClinicIsRefusedNotWidened() {
        assertThatThrownBy(scope(Roles.DPO, " ", CLINICS)::queryScope).isInstanceOf(MissingClinicException.class);
        ClinicScope scope = scope(Roles.COMPLIANCE_OFFICER, null, CLINICS);
        assertThat(scope.allClinics()).isFalse();
        assertThatThrownBy(scope::queryScope).isInstanceOf(MissingClinicException.class);
        assertThatThrownBy(scope::ownClinic).isInstanceOf(MissingClinicException.class);
        assertThatThrownBy(() -> scope.restrict(NORTH)).isInstanceOf(MissingClinicException.class);
        assertThatThrownBy(() -> scope.mayAccess(NORTH)).isInstanceOf(MissingClinicException.class);
        assertThatThrownBy(scope::tokenClinic).isInstanceOf(MissingClinicException.class);
    }

    @Test
    void aCallerWithoutAPortalRoleIsNotARegulator() {
        ClinicScope scope = scope(null, null, CLINICS);
        assertThat(scope.allClinics()).isFalse();
        assertThatThrownBy(scope::queryScope).isInstanceOf(MissingClinicException.class);
    }

    @Test
    void theNoClinicMarkerIsNoWellFormedClinicId() {
        assertThat(ClinicScope.wellFormed(NORTH)).isTrue();
        assertThat(ClinicScope.wellFormed(upper(NORTH))).isTrue();
        assertThat(ClinicScope.wellFormed(ClinicScope.NO_CLINIC)).isFalse();
        assertThat(ClinicScope.wellFormed(ClinicFacts.CONSORTIUM)).isFalse();
        assertThat(ClinicScope.wellFormed(null)).isFalse();
        assertThat(ClinicScope.wellFormed("")).isFalse();
        assertThat(ClinicScope.wellFormed(NORTH.substring(2))).isFalse();
        assertThat(ClinicScope.wellFormed(NORTH + "0")).isFalse();
        assertThat(ClinicScope.wellFormed(" " + NORTH)).isFalse();
    }

    private static String upper(String id) {
        return "0x" + id.substring(2).toUpperCase(Locale.ROOT);
    }

    /** A caller holding {@code role} (null: none) whose token's clinic_id is {@code claim} (null: none). */
    private static ClinicScope scope(String role, String claim, String clinics) {
        CurrentUser user = new CurrentUser() {
            @Override
            public boolean isSignedIn() {
                return true;
            }

            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public boolean hasRole(String r) {
                return role != null && Set.of(role).contains(r);
            }

            @Override
            public Optional<String> clinicId() {
                return Optional.ofNullable(claim).filter(s -> !s.isBlank());
            }
        };
        Map<String, String> config = new HashMap<>();
        config.put("custos.ledger.urls", "http://127.0.0.1:18545");
        config.put("custos.ledger.checkpoint", "0x" + "ab".repeat(32));
        config.put("custos.ledger.consensus", "dev");
        config.put("custos.ledger.contracts.registry", "0x" + "11".repeat(20));
        config.put("custos.ledger.contracts.records", "0x" + "22".repeat(20));
        config.put("custos.ledger.contracts.accountability", "0x" + "33".repeat(20));
        if (clinics != null) {
            config.put("custos.ledger.clinics", clinics);
        }
        LedgerSettings settings = LedgerSettings.from(k -> Optional.ofNullable(config.get(k)));
        return new ClinicScope(user, new LedgerConfiguration() {
            @Override
            public LedgerSettings settings() {
                return settings;
            }
        });
    }
}
