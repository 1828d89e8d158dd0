package org.custos.portal.ledger.testing;

import java.util.HashMap;
import java.util.Map;
import org.custos.portal.ledger.application.SyncEngine;

/**
 * The sync engine alone in a JVM of its own, for the test that kills the portal's process without any shutdown:
 * {@code SyncProcess <jdbc url> key=value...}. Runs until caught up (exit 0), halted (exit 3) or unreachable (4);
 * prints each run's report.
 */
public final class SyncProcess {

    private SyncProcess() {
    }

    public static void main(String[] args) {
        Map<String, String> config = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try (TestStore store = new TestStore(args[0]); Sync sync = new Sync(config, store)) {
            SyncEngine.RunReport report = sync.run();
            System.out.println("report " + report);
            System.exit(switch (report.result()) {
                case CAUGHT_UP -> 0;
                case HALTED -> 3;
                case UNREACHABLE -> 4;
                case BUDGET_USED -> 5;
            });
        }
    }
}
