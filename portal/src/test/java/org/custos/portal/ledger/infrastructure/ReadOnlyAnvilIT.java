package org.custos.portal.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.custos.portal.ledger.testing.Anvil;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Against a real anvil whose dev accounts are unlocked (a node that would accept a write): the portal's client
 * refuses the write before sending, and the chain is unchanged.
 */
class ReadOnlyAnvilIT {

    @Test
    void writesAreRefusedAndTheChainIsUnchanged() throws Exception {
        try (Anvil anvil = Anvil.start(null);
             Web3jLedgerNode node = new Web3jLedgerNode(anvil.url(), Duration.ofSeconds(5), 0, Duration.ofMillis(10))) {
            long head = node.headNumber();
            String from = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
            BigInteger nonce = BigInteger.ZERO;
            Transaction tx = Transaction.createEtherTransaction(from, nonce, BigInteger.valueOf(2_000_000_000L),
                    BigInteger.valueOf(21000), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", BigInteger.ONE);
            assertThatThrownBy(() -> node.web3j().ethSendTransaction(tx).send())
                    .isInstanceOf(RefusedMethodException.class);
            assertThatThrownBy(() -> node.web3j().ethSendRawTransaction("0x02f86c").send())
                    .isInstanceOf(RefusedMethodException.class);
            assertThatThrownBy(() -> node.web3j().ethMining().send()).isInstanceOf(RefusedMethodException.class);
            assertThat(node.headNumber()).isEqualTo(head);
            assertThat(anvil.rpc("eth_getTransactionCount", "[\"" + from + "\",\"latest\"]")).contains("\"0x0\"");
            assertThat(node.chainId()).isEqualTo(Anvil.CHAIN_ID);
        }
    }
}
