package org.custos.portal.compliance.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.ledger.testing.Anvil;
import org.web3j.crypto.Hash;

/**
 * The chain's own answer to "which disclosures name this subject", for checking an export: the
 * {@code DisclosureRecorded} logs of the accountability contract read straight from the node (eth_getLogs), not
 * through the portal.
 */
public final class DisclosureLogs {

    static final String TOPIC0 = Hash.sha3String("DisclosureRecorded(bytes32,bytes32,bytes32,bytes32,uint16,uint16)");

    /** One log: clinic (topic 1), subject (topic 3), where it is. */
    public record Log(String clinicId, String subject, long block, String txHash, int logIndex) {
    }

    private DisclosureLogs() {
    }

    public static List<Log> read(Anvil anvil, String accountability) throws IOException, InterruptedException {
        String answer = anvil.rpc("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\""
                + accountability + "\",\"topics\":[\"" + TOPIC0 + "\"]}]");
        List<Log> logs = new ArrayList<>();
        for (JsonNode l : new ObjectMapper().readTree(answer).get("result")) {
            JsonNode topics = l.get("topics");
            logs.add(new Log(topics.get(1).asText(), topics.get(3).asText(),
                    Long.decode(l.get("blockNumber").asText()), l.get("transactionHash").asText(),
                    Integer.decode(l.get("logIndex").asText())));
        }
        return logs;
    }
}
