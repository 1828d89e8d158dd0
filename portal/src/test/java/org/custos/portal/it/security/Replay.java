package org.custos.portal.it.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custos.portal.it.security.Isolation.Clinic;

/**
 * Replays addresses as one session, a few at a time, records every answer for the header scan and judges each with
 * {@link Isolation} against the regulator's answer to the same address.
 */
final class Replay {

    private static final int THREADS = 3;
    private final List<Clinic> clinics;

    Replay(List<Clinic> clinics) {
        this.clinics = clinics;
    }

    /** What was wrong, by "user address → status"; empty when every answer was right. */
    Map<String, List<String>> run(SignedInHttp session, Clinic own, List<String> urls) throws Exception {
        Isolation rules = new Isolation(own, clinics);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<SignedInHttp.Answer>> answers = urls.stream()
                    .map(u -> pool.submit(() -> session.get(u))).toList();
            Map<String, List<String>> wrong = new TreeMap<>();
            for (int i = 0; i < urls.size(); i++) {
                SignedInHttp.Answer a = answers.get(i).get();
                TenantCrawlerIT.record(a);
                List<String> problems = rules.problems(urls.get(i), a,
                        TenantCrawlerIT.REGULATOR_BODIES.get(urls.get(i)));
                if (!problems.isEmpty()) {
                    wrong.put(session.who + " " + urls.get(i) + " -> " + a.status(), problems);
                }
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }
}
