package org.custos.portal.ledger.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import org.custos.portal.ledger.domain.LedgerGateway;
import org.custos.portal.ledger.domain.LedgerStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;


/**
 * Reads a node's status over JSON-RPC with Web3j 4.13.0: {@code eth_chainId}, {@code web3_clientVersion} and
 * {@code eth_getBlockByNumber("latest", false)}. Read methods only, through the same {@link NodeTransport} as the
 * sync (limits, deadline, TLS trust and the first endpoint's credentials, which are never shown).
 */
@ApplicationScoped
public class Web3jLedgerGateway implements LedgerGateway {

    @Inject
    @ConfigProperty(name = "custos.ledger.url", defaultValue = "http://127.0.0.1:8545")
    String endpoint;

    /** When set (comma-separated, the sync's endpoints), the status shows the first of them. */
    @Inject
    @ConfigProperty(name = "custos.ledger.urls", defaultValue = " ")
    String endpoints;

    @Inject
    @ConfigProperty(name = "custos.ledger.timeout-seconds", defaultValue = "5")
    int timeoutSeconds;

    @Inject
    Clock clock;

    /** The nodes' transport (limits, deadline, TLS trust, the first endpoint's credentials); null in unit tests. */
    @Inject
    LedgerConfiguration configuration;

    private Web3j web3j;

    @PostConstruct
    void connect() {
        if (endpoints != null && !endpoints.isBlank()) {
            endpoint = endpoints.split(",")[0].trim();
        }
        NodeTransport transport = configuration != null ? configuration.transport()
                : NodeTransport.plain(Duration.ofSeconds(timeoutSeconds), 1);
        web3j = Web3j.build(transport.service(endpoint));
    }

    @PreDestroy
    void close() {
        web3j.shutdown();
    }

    @Override
    public LedgerStatus status() {
        Instant now = clock.instant();
        try {
            BigInteger chainId = ok(web3j.ethChainId().send()).getChainId();
            String clientVersion = ok(web3j.web3ClientVersion().send()).getWeb3ClientVersion();
            EthBlock.Block head = ok(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send())
                    .getBlock();
            if (head == null) {
                return LedgerStatus.unreachable(endpoint, "the node returned no latest block", now);
            }
            return new LedgerStatus(endpoint, true, chainId, clientVersion, head.getNumber(), head.getHash(),
                    Instant.ofEpochSecond(head.getTimestamp().longValueExact()), null, now);
        } catch (IOException | RuntimeException e) {
            return LedgerStatus.unreachable(endpoint, describe(e), now);
        }
    }

    private static <T extends Response<?>> T ok(T response) throws IOException {
        if (response.hasError()) {
            throw new IOException("JSON-RPC error " + response.getError().getCode() + ": "
                    + response.getError().getMessage());
        }
        return response;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
