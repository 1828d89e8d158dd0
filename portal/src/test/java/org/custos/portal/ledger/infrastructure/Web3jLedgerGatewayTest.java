package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.junit.jupiter.api.Test;

/** The gateway's failure path: an unreachable node is a status, never an exception. (The happy path runs
 * against a real anvil in PortalPageIT.) */
class Web3jLedgerGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void unreachableNodeIsReportedWithTheReasonNotThrown() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Web3jLedgerGateway gateway = new Web3jLedgerGateway();
        gateway.endpoint = "http://127.0.0.1:" + closedPort;
        gateway.timeoutSeconds = 2;
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.connect();
        try {
            LedgerStatus status = gateway.status();
            assertThat(status.reachable()).isFalse();
            assertThat(status.endpoint()).isEqualTo(gateway.endpoint);
            assertThat(status.error()).contains("ConnectException");
            assertThat(status.checkedAt()).isEqualTo(NOW);
            assertThat(status.chainId()).isNull();
        } finally {
            gateway.close();
        }
    }
}
