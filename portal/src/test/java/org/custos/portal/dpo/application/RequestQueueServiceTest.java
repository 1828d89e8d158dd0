package org.custos.portal.dpo.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.dpo.domain.RequestEvents.NORTH;
import static org.custos.portal.dpo.domain.RequestEvents.SOUTH;
import static org.custos.portal.dpo.domain.RequestEvents.id;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.dpo.domain.DsrRequestQuery.Sort;
import org.custos.portal.dpo.domain.RequestEvents;
import org.custos.portal.dpo.infrastructure.DsrDatabase;
import org.custos.portal.dpo.infrastructure.JpaDsrRequestRepository;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request queue on the real schema and mapping (H2, Flyway V10): the one clinic scope by list, by id and by any
 * parameter (another clinic's request is not found), the filters, orders and pages in the database, the rebuild of a
 * clinic, the keyset download and its trail entry.
 */
class RequestQueueServiceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

    private DsrDatabase db;
    private final List<EntityManager> open = new ArrayList<>();
    private final List<String> trail = new ArrayList<>();

    /** North: 40 requests, one a day, of every type; every 3rd answered, every 4th extended. South: 5. */
    @BeforeEach
    void project() {
        db = new DsrDatabase();
        RequestEvents north = new RequestEvents(NORTH);
        for (int n = 1; n <= 40; n++) {
            Instant received = T0.plus(Duration.ofDays(3L * n));
            north.received(n, received, n % 4, n % 5 == 0 ? 2 : 0);
            if (n % 4 == 0) {
                north.extended(n, received.plus(Duration.ofDays(2)));
            }
            if (n % 3 == 0) {
                north.answered(n, received.plus(Duration.ofDays(n % 2 == 0 ? 10 : 40)), 0);
            }
        }
        RequestEvents south = new RequestEvents(SOUTH);
        for (int n = 101; n <= 105; n++) {
            south.received(n, T0.plus(Duration.ofDays(n - 100)), 1, 0);
        }
        south.received(7, T0, 0, 0);   // the same request id as one of north's
        db.inTransaction(em -> {
            JpaDsrRequestRepository r = new JpaDsrRequestRepository(em);
            r.replace(NORTH, DsrRequestProjection.project(NORTH, north.list(), AS_OF), 100, AS_OF);
            r.replace(SOUTH, DsrRequestProjection.project(SOUTH, south.list(), AS_OF), 100, AS_OF);
            return null;
        });
    }

    @AfterEach
    void close() {
        open.forEach(EntityManager::close);
        db.close();
    }

    private static DsrRequestQuery query(String clinic) {
        return DsrRequestQuery.all().withClinic(clinic);
    }

    @Test
    void anOfficerOrDpoSeesTheirOwnClinicWhateverTheParameterSays() {
        RequestQueueService dpo = service(NORTH);
        assertThat(dpo.count(query(null))).isEqualTo(40);
        assertThat(dpo.count(query(SOUTH))).as("asking for south gives north").isEqualTo(40);
        assertThat(dpo.requests(query(SOUTH), 0, 100)).extracting(DsrRequest::getClinicId).containsOnly(NORTH);
        assertThat(dpo.request(SOUTH, id(101))).as("south's request: not found").isEmpty();
        assertThat(dpo.request(null, id(101))).isEmpty();
        assertThat(dpo.request(SOUTH, id(7))).get().extracting(DsrRequest::getClinicId).isEqualTo(NORTH);
        assertThat(dpo.request(null, id(7).toUpperCase().replace("0X", "0x"))).as("case of the hex digits")
                .get().extracting(DsrRequest::getClinicId).isEqualTo(NORTH);
        assertThat(dpo.asOf(SOUTH)).contains(AS_OF);
        assertThat(dpo.clinicOf(SOUTH)).isEqualTo(NORTH);
    }

    @Test
    void malformedIdsAreNotFound() {
        RequestQueueService regulator = service(null);
        for (String bad : new String[] {null, "", "0x", id(7) + "0", id(7).substring(0, 65), " " + id(7),
                "0x" + "g".repeat(64), "' or 1=1 --", id(7).replace("0x", "")}) {
            assertThat(regulator.request(null, bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void anUnmappedClinicSeesNothing() throws Exception {
        RequestQueueService unmapped = service(ClinicScope.NO_CLINIC);
        assertThat(unmapped.count(query(NORTH))).isZero();
        assertThat(unmapped.requests(query(null), 0, 50)).isEmpty();
        assertThat(unmapped.request(NORTH, id(7))).isEmpty();
        assertThat(unmapped.asOf(NORTH)).isEmpty();
        assertThat(unmapped.export(query(NORTH), r -> { })).isZero();
    }

    @Test
    void aRegulatorSeesEveryClinicOrTheOneChosen() {
        RequestQueueService regulator = service(null);
        assertThat(regulator.count(query(null))).isEqualTo(46);
        assertThat(regulator.count(query(SOUTH))).isEqualTo(6);
        assertThat(regulator.count(query(SOUTH.toUpperCase().replace("0X", "0x")))).isEqualTo(6);
        assertThat(regulator.request(SOUTH, id(7))).get().extracting(DsrRequest::getClinicId).isEqualTo(SOUTH);
        assertThat(regulator.request(null, id(7))).as("no clinic chosen: the first clinic with that id").isPresent();
        assertThat(regulator.request(null, id(101))).get().extracting(DsrRequest::getClinicId).isEqualTo(SOUTH);
    }

    @Test
    void filtersAreConditionsOfTheQuery() {
        RequestQueueService dpo = service(NORTH);
        List<DsrRequest> all = dpo.requests(query(null), 0, 1000);
        DsrRequestQuery late = new DsrRequestQuery(null, Set.of(State.LATE), null, null, null, null, null, null, true);
        assertThat(dpo.requests(late, 0, 100)).isNotEmpty().allMatch(r -> r.getState() == State.LATE)
                .hasSize((int) all.stream().filter(r -> r.getState() == State.LATE).count());
        Set<State> open = Set.of(State.ON_TRACK, State.DUE_SOON, State.LATE, State.OPEN_NO_DEADLINE);
        assertThat(dpo.count(new DsrRequestQuery(null, open, null, null, null, null, null, null, true)))
                .isEqualTo(all.stream().filter(r -> r.getState().open()).count());
        assertThat(dpo.requests(new DsrRequestQuery(null, null, "ERASURE", null, null, null, null, null, true), 0, 100))
                .hasSize(10).allMatch(r -> r.getRequestType().equals("ERASURE"));
        assertThat(dpo.count(new DsrRequestQuery(null, null, null, "HIPAA", null, null, null, null, true)))
                .isEqualTo(8);
        assertThat(dpo.count(new DsrRequestQuery(null, null, null, null, null, null, true, null, true)))
                .isEqualTo(all.stream().filter(DsrRequest::isExtended).count()).isPositive();
        Instant from = T0.plus(Duration.ofDays(30));
        Instant before = T0.plus(Duration.ofDays(60));
        assertThat(dpo.requests(new DsrRequestQuery(null, null, null, null, from, before, null, null, true), 0, 100))
                .extracting(DsrRequest::getRequestId).as("from inclusive, before exclusive")
                .containsExactly(id(10), id(11), id(12), id(13), id(14), id(15), id(16), id(17), id(18), id(19));
        Map<State, Long> byState = dpo.countByState(query(SOUTH));
        assertThat(byState.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
        assertThat(dpo.count(new DsrRequestQuery(null, null, "NO SUCH", null, null, null, null, null, true))).isZero();
    }

    @Test
    void pagesInEveryOrderCoverEveryRowOnceAndDeadlinesWithoutAClockComeLast() {
        RequestQueueService regulator = service(null);
        for (Sort sort : Sort.values()) {
            for (boolean asc : new boolean[] {true, false}) {
                DsrRequestQuery q = new DsrRequestQuery(null, null, null, null, null, null, null, sort, asc);
                Set<String> seen = new HashSet<>();
                for (int first = 0; first < 46; first += 7) {
                    for (DsrRequest r : regulator.requests(q, first, 7)) {
                        assertThat(seen.add(r.getClinicId() + r.getRequestId())).as(sort + " " + asc).isTrue();
                    }
                }
                assertThat(seen).as(sort + " " + asc).hasSize(46);
            }
        }
        List<DsrRequest> byDeadline = regulator.requests(new DsrRequestQuery(NORTH, null, null, null, null, null,
                null, Sort.DEADLINE, true), 0, 100);
        assertThat(byDeadline.subList(0, byDeadline.size() - 2)).extracting(DsrRequest::getDeadline)
                .doesNotContainNull().isSorted();
        assertThat(byDeadline.get(byDeadline.size() - 1).getDeadline()).as("HIPAA erasure: no clock").isNull();
        List<DsrRequest> newest = regulator.requests(query(NORTH), 0, 3);
        assertThat(newest).extracting(DsrRequest::getRequestId).containsExactly(id(40), id(39), id(38));
        assertThat(regulator.requests(query(null), 0, 100_000)).hasSize(46);
        assertThat(regulator.requests(query(null), -5, -1)).isEmpty();
    }

    @Test
    void aRebuildReplacesTheClinicsRowsAndMovesItsMark() {
        RequestEvents fewer = new RequestEvents(NORTH).received(1, T0, 0, 0);
        Instant later = AS_OF.plus(Duration.ofDays(1));
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(NORTH, DsrRequestProjection.project(NORTH, fewer.list(), later),
                    101, later);
            return null;
        });
        RequestQueueService regulator = service(null);
        assertThat(regulator.count(query(NORTH))).isEqualTo(1);
        assertThat(regulator.request(NORTH, id(1))).get().satisfies(r -> {
            assertThat(r.getRequestType()).as("same event id, new content: rewritten").isEqualTo("ACCESS");
            assertThat(r.getAsOf()).isEqualTo(later);
        });
        assertThat(regulator.count(query(SOUTH))).as("south untouched").isEqualTo(6);
        assertThat(regulator.asOf(NORTH)).contains(later);
        assertThat(regulator.asOf(null)).contains(later);
        java.util.Optional<org.custos.portal.dpo.domain.DsrProjection> mark =
                db.inTransaction(em -> new JpaDsrRequestRepository(em).projection(NORTH));
        assertThat(mark).get().satisfies(p -> {
                    assertThat(p.getVerifiedBlock()).isEqualTo(101);
                    assertThat(p.getRequests()).isEqualTo(1);
                });
    }

    @Test
    void anUpdateWritesTheRowsWhoseStateChangedAndLeavesTheOthers() {
        RequestEvents events = new RequestEvents(NORTH).received(1, T0, 0, 0).received(2, AS_OF.minus(Duration
                .ofDays(2)), 0, 0);
        Instant first = T0.plus(Duration.ofDays(20));
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(NORTH, DsrRequestProjection.project(NORTH, events.list(), first),
                    200, first);
            // a mark no projection writes: it survives an update only if the row is left alone
            em.createNativeQuery("update dsr_request set outcome = 'UNTOUCHED' where request_id = '" + id(2) + "'")
                    .executeUpdate();
            return null;
        });
        Instant late = T0.plus(Duration.ofDays(40));
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(NORTH, DsrRequestProjection.project(NORTH, events.list(), late),
                    201, late);
            return null;
        });
        RequestQueueService dpo = service(NORTH);
        assertThat(dpo.request(null, id(1))).get().extracting(DsrRequest::getState).isEqualTo(State.LATE);
        assertThat(dpo.request(null, id(1))).get().extracting(DsrRequest::getDaysLate).isEqualTo(9L);
        assertThat(dpo.request(null, id(2))).get().satisfies(r -> {
            assertThat(r.getOutcome()).as("unchanged content: not written again").isEqualTo("UNTOUCHED");
            assertThat(r.getAsOf()).as("the clinic's time, not the row's").isEqualTo(late);
        });
    }

    @Test
    void theDownloadStreamsEveryRowInScopeAcrossKeysetPagesAndIsOnTheTrail() throws Exception {
        RequestEvents many = new RequestEvents(NORTH);
        for (int n = 1; n <= 1_234; n++) {
            many.received(n, T0.plusSeconds(n), n % 4, 0);
        }
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(NORTH, DsrRequestProjection.project(NORTH, many.list(), AS_OF),
                    102, AS_OF);
            return null;
        });
        List<String> ids = new ArrayList<>();
        RequestQueueService dpo = service(NORTH);
        assertThat(dpo.export(query(SOUTH), r -> ids.add(r.getClinicId() + "/" + r.getRequestId())))
                .isEqualTo(1_234);
        assertThat(ids).hasSize(1_234).doesNotHaveDuplicates().isSorted().allMatch(s -> s.startsWith(NORTH));
        assertThat(service(NORTH).export(new DsrRequestQuery(null, null, "ERASURE", null, null, null, null, null,
                true), r -> { })).isEqualTo(309);
        dpo.recordDownload("requests.csv", query(SOUTH), "type=any");
        assertThat(trail).containsExactly("EXPORT_DOWNLOADED export requests.csv clinic " + NORTH + "; type=any");
    }

    private RequestQueueService service(String scopeClinic) {
        EntityManager em = db.open();
        open.add(em);
        RequestQueueService s = new RequestQueueService();
        s.em = em;
        s.clinicScope = new ClinicScope() {
            @Override
            public boolean allClinics() {
                return scopeClinic == null;
            }

            @Override
            public String queryScope() {
                return scopeClinic;
            }

            @Override
            public boolean mayAccess(String clinicId) {
                return clinicId != null && (scopeClinic == null || scopeClinic.equals(clinicId));
            }
        };
        s.currentUser = new CurrentUser() {
            @Override
            public String getName() {
                return "dpo-north";
            }

            @Override
            public List<String> getRoles() {
                return List.of(scopeClinic == null ? "regulator" : "dpo");
            }

            @Override
            public String getClinicId() {
                return scopeClinic == null ? null : "clinic-north";
            }
        };
        s.trail = new TrailService() {
            @Override
            public TrailEntry record(SignedInUser actor, TrailAction action, String objectType, String objectId,
                                     String detail) {
                trail.add(action + " " + objectType + " " + objectId + " " + detail);
                return null;
            }
        };
        return s;
    }
}
