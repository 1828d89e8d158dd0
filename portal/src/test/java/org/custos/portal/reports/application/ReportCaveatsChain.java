package org.custos.portal.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.LedgerSyncChain;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.ledger.testing.TamperingProxy;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Client side of {@link ReportCaveatsIT} (never deployed): the demo fixture on an anvil of this JVM, configured as
 * the portal's first endpoint, and a {@link TamperingProxy} in front of the same anvil as its second endpoint. The
 * proxy passes every answer through unchanged except the hash of any block above the fixture's head, which it
 * replaces: as long as nobody mines, both endpoints agree; the first block mined after the fixture is a split view
 * (the second endpoint claims another block at that height), which the portal's sync records as an integrity alert.
 */
final class ReportCaveatsChain {

    /** The hash the lying endpoint claims for every block above the fixture's head. */
    static final String FORGED = "0x" + "ee".repeat(32);

    private ReportCaveatsChain() {
    }

    static synchronized WebArchive deployment(Class<?> testClass) {
        try {
            DemoFixture chain = DemoFixture.get();
            Anvil anvil = Anvil.startFixture(chain.stateFile);
            TamperingProxy proxy = new TamperingProxy(anvil.url());
            long head = chain.head;
            proxy.tamper((request, response) -> forgeAbove(response, head));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                proxy.close();
                try {
                    anvil.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            LedgerSyncChain.emptyLedgerTablesOnPostgres();
            Properties config = new Properties();
            config.putAll(chain.config(anvil.url() + "," + proxy.url()));
            config.put("custos.ledger.sync.batch-size", "50");
            config.put("custos.ledger.sync.interval-ms", "300");
            config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                    + chain.clinicIds.get(1));
            Properties test = new Properties();
            test.put("anvil", anvil.url());
            test.put("lying", proxy.url());
            test.put("head", Long.toString(head));
            test.put("forged", FORGED);
            return Deployments.portalWar(testClass)
                    .addAsResource(new StringAsset(text(config)), "META-INF/microprofile-config.properties")
                    .addAsResource(new StringAsset(text(test)), "report-caveats-it.properties");
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the report caveats deployment", e);
        }
    }

    /** In a single or batch answer, replaces the hash of every block object numbered above {@code head}. */
    static void forgeAbove(JsonNode response, long head) {
        if (response == null) {
            return;
        }
        if (response.isArray()) {
            response.forEach(answer -> forgeAbove(answer, head));
            return;
        }
        JsonNode block = response.get("result");
        if (block instanceof ObjectNode object && object.hasNonNull("number") && object.hasNonNull("hash")) {
            String number = object.get("number").asText();
            if (number.startsWith("0x") && Long.parseLong(number.substring(2), 16) > head) {
                object.put("hash", FORGED);
            }
        }
    }

    private static String text(Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, "written by ReportCaveatsChain");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
