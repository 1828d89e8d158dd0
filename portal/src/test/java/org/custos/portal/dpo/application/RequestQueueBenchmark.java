package org.custos.portal.dpo.application;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.custos.portal.compliance.domain.RequestClock.State;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.dpo.domain.DsrRequestQuery.Sort;
import org.custos.portal.dpo.domain.RequestEvents;
import org.custos.portal.dpo.infrastructure.DsrDatabase;
import org.custos.portal.dpo.infrastructure.JpaDsrRequestRepository;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.security.ClinicScope;

/**
 * The request queue's benchmark (docs/performance.md "DPO request queue"; a harness with a main like the rules
 * benchmark, run by scripts/bench-requests.sh under -Xmx512m). One clinic with {@code --requests} requests (default
 * 100,000: every type and regime, a third extended, three quarters answered, early, at the edge or late), a second
 * clinic with {@code --others} so the scope condition has rows to exclude; the projection built from proven events and
 * stored as the chain evaluation does; then what one page of {@code /dpo/requests.xhtml} costs through
 * {@link RequestQueueService} in a DPO's scope: the lazy model's count and its page (25 rows), for the first, a middle
 * and the last page, in several orders and filters, each {@code --repeat} times with a fresh persistence context
 * (median, p90, max). Also the state counts of the page's summary and the whole CSV download.
 */
public final class RequestQueueBenchmark {

    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private RequestQueueBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        int requests = Integer.parseInt(o.getOrDefault("requests", "100000"));
        int others = Integer.parseInt(o.getOrDefault("others", "20000"));
        int repeat = Integer.parseInt(o.getOrDefault("repeat", "20"));
        int rows = Integer.parseInt(o.getOrDefault("rows", "25"));
        String url = o.getOrDefault("db", "jdbc:h2:mem:bench-requests;DB_CLOSE_DELAY=-1");
        System.out.printf("request queue benchmark: %,d requests in the DPO's clinic, %,d in another, %s, "
                + "pages of %d, %d runs each, JDK %s, max heap %d MB%n", requests, others, url.replaceAll("\\?.*",
                ""), rows, repeat, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        try (DsrDatabase db = new DsrDatabase(url)) {
            Instant asOf = START.plus(Duration.ofDays(800));
            store(db, RequestEvents.NORTH, requests, asOf, 1);
            store(db, RequestEvents.SOUTH, others, asOf, 2);
            RequestQueueService dpo = service(RequestEvents.NORTH);
            Map<String, DsrRequestQuery> queries = new LinkedHashMap<>();
            queries.put("newest received first (default)", DsrRequestQuery.all());
            queries.put("deadline, soonest first", order(Sort.DEADLINE, true));
            queries.put("state", order(Sort.STATE, true));
            queries.put("filter: open, late", filter(Set.of(State.LATE), null, null, null));
            queries.put("filter: erasure under GDPR", filter(null, "ERASURE", "GDPR", null));
            queries.put("filter: received in one month", new DsrRequestQuery(null, null, null, null,
                    START.plus(Duration.ofDays(400)), START.plus(Duration.ofDays(430)), null, null, false));
            queries.put("filter: extended, answered late", filter(Set.of(State.ANSWERED_LATE), null, null, true));
            System.out.printf("%-36s %10s %12s %22s %22s %22s%n", "query", "matches", "count ms", "first page ms",
                    "middle page ms", "last page ms");
            for (Map.Entry<String, DsrRequestQuery> q : queries.entrySet()) {
                long total = within(db, dpo, s -> { }, s -> s.count(q.getValue()));
                int last = (int) Math.max(0, (total - 1) / rows * rows);
                double[] count = time(repeat, () -> within(db, dpo, s -> { }, s -> s.count(q.getValue())));
                double[] firstPage = page(db, dpo, q.getValue(), 0, rows, repeat);
                double[] middle = page(db, dpo, q.getValue(), last / 2 / rows * rows, rows, repeat);
                double[] lastPage = page(db, dpo, q.getValue(), last, rows, repeat);
                System.out.printf("%-36s %,10d %12s %22s %22s %22s%n", q.getKey(), total, fmt(count)[0],
                        String.join(" / ", fmt(firstPage)), String.join(" / ", fmt(middle)),
                        String.join(" / ", fmt(lastPage)));
            }
            double[] states = time(repeat, () -> within(db, dpo, s -> { }, s -> s.countByState(DsrRequestQuery.all())));
            System.out.printf("summary counts by state (once per filter change): median %s ms, p90 %s, max %s%n",
                    (Object[]) fmt(states));
            long[] exported = new long[1];
            double[] csv = time(3, () -> within(db, dpo, s -> { }, s -> {
                try {
                    exported[0] = s.export(DsrRequestQuery.all(), r -> { });
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            System.out.printf("download of every request of the clinic (%,d rows, keyset pages of %d, rows not "
                    + "formatted): median %s ms, p90 %s, max %s%n", exported[0], RequestQueueService.EXPORT_PAGE,
                    fmt(csv)[0], fmt(csv)[1], fmt(csv)[2]);
            System.out.println("page ms: median / p90 / max; a page = the lazy model's count + its rows");
        }
    }

    private static void store(DsrDatabase db, String clinic, int n, Instant asOf, long block) {
        long t0 = System.nanoTime();
        List<ProvenEvent> events = events(clinic, n);
        long t1 = System.nanoTime();
        List<DsrRequest> rows = DsrRequestProjection.project(clinic, events, asOf);
        long t2 = System.nanoTime();
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(clinic, rows, block, asOf);
            return null;
        });
        long t3 = System.nanoTime();
        // what the chain evaluation does to a clinic at each new head: nothing new, the same time (no row written)
        update(db, clinic, events, asOf, block + 1);
        long t4 = System.nanoTime();
        // and a head a week later: the rows whose state moved (due soon, late) are written
        List<DsrRequest> before = DsrRequestProjection.project(clinic, events, asOf);
        List<DsrRequest> after = DsrRequestProjection.project(clinic, events, asOf.plus(Duration.ofDays(7)));
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += before.get(i).getContentHash().equals(after.get(i).getContentHash()) ? 0 : 1;
        }
        long t5 = System.nanoTime();
        update(db, clinic, events, asOf.plus(Duration.ofDays(7)), block + 2);
        long t6 = System.nanoTime();
        update(db, clinic, events, asOf, block + 3);
        System.out.printf("clinic %s…: %,d events generated in %d ms, projected in %d ms, stored in %d ms; brought up "
                + "to date at a new head: unchanged %d ms, a week later (%,d rows changed state) %d ms%n",
                clinic.substring(0, 8), events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, changed, (t6 - t5) / 1_000_000);
    }

    /** Projects {@code events} as of {@code asOf} and brings the clinic's stored rows up to date, as one transaction. */
    private static void update(DsrDatabase db, String clinic, List<ProvenEvent> events, Instant asOf, long block) {
        db.inTransaction(em -> {
            new JpaDsrRequestRepository(em).replace(clinic, DsrRequestProjection.project(clinic, events, asOf), block,
                    asOf);
            return null;
        });
    }

    /** {@code n} requests over 800 days: every type and regime; notices and answers early, at the edge or late. */
    static List<ProvenEvent> events(String clinic, int n) {
        Random random = new Random(n);
        RequestEvents e = new RequestEvents(clinic);
        for (int i = 1; i <= n; i++) {
            Instant received = START.plusSeconds((long) i * (800L * 86_400 / n));
            e.received(i, received, random.nextInt(4), random.nextInt(3));
            if (random.nextInt(3) == 0) {
                e.extended(i, received.plus(Duration.ofDays(random.nextInt(40))));
            }
            if (random.nextInt(4) > 0) {
                e.answered(i, received.plus(Duration.ofDays(random.nextInt(100))), random.nextInt(3));
            }
        }
        return e.list();
    }

    private static DsrRequestQuery order(Sort sort, boolean ascending) {
        return new DsrRequestQuery(null, null, null, null, null, null, null, sort, ascending);
    }

    private static DsrRequestQuery filter(Set<State> states, String type, String regime, Boolean extended) {
        return new DsrRequestQuery(null, states, type, regime, null, null, extended, null, false);
    }

    private static double[] page(DsrDatabase db, RequestQueueService s, DsrRequestQuery q, int first, int rows,
                                 int repeat) {
        return time(repeat, () -> within(db, s, x -> { }, x -> {
            x.count(q);
            return x.requests(q, first, rows);
        }));
    }

    /** Runs {@code work} on the service with a fresh entity manager and transaction, as one request of the page. */
    private static <T> T within(DsrDatabase db, RequestQueueService s, Consumer<RequestQueueService> before,
                                java.util.function.Function<RequestQueueService, T> work) {
        EntityManager em = db.open();
        try {
            s.em = em;
            before.accept(s);
            return work.apply(s);
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    /** Times {@code work} {@code repeat} times after two warm-up runs; milliseconds, sorted. */
    private static double[] time(int repeat, Runnable work) {
        work.run();
        work.run();
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String[] fmt(double[] sorted) {
        double median = sorted[sorted.length / 2];
        double p90 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
        return new String[] {String.format("%.1f", median), String.format("%.1f", p90),
                String.format("%.1f", sorted[sorted.length - 1])};
    }

    private static RequestQueueService service(String clinic) {
        RequestQueueService s = new RequestQueueService();
        s.clinicScope = new ClinicScope() {
            @Override
            public boolean allClinics() {
                return false;
            }

            @Override
            public String queryScope() {
                return clinic;
            }

            @Override
            public boolean mayAccess(String clinicId) {
                return clinic.equals(clinicId);
            }
        };
        return s;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
