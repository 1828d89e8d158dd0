package org.custos.portal.it.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.Consortium;
import org.custos.consortium.chain.Gas;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.verify.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A fresh anvil on which the consortium's own contracts carry markup (client side of {@link EscapingIT}, never
 * deployed). Every consortium event parameter is a static word (bytes32, address, uint, bool: no {@code string}
 * or dynamic {@code bytes}), so the only text a writer controls on the chain is the content of bytes32 words
 * (ids, pseudonyms, recipients) and the raw input of transactions outside the contracts. This chain fills both
 * with markup and script: a clinic whose id is {@code "><svg onload=…>}, a request whose id is an
 * {@code <img onerror>}, a subject pseudonym {@code {{7*7}}#{7*7}${7*7}}, a disclosure to a {@code <script>}
 * recipient, a record whose id is an RTL override, an anchored document whose bytes are a script, and a plain
 * transaction whose input is HTML around an e-mail address (a ledger-wide personal-data hit that the portal names
 * by position only). The admin account is the clinic's writer, KMS key and log signer (anvil's first dev key): one
 * signer, no funding.
 */
final class HostileChain implements AutoCloseable {

    /** anvil's first dev account (public test key, not a secret). */
    private static final String ANVIL_KEY_0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    static final String CLINIC_TEXT = "\"><svg onload=window.__pwned=3>";
    static final String REQUEST_TEXT = "<img src=x onerror=__pwned=1>";
    static final String SUBJECT_TEXT = "{{7*7}}#{7*7}${7*7}";
    static final String RECIPIENT_TEXT = "<script>__pwned=2</script>";
    static final String DISCLOSURE_TEXT = "javascript:__pwned=4//";
    static final String RECORD_TEXT = "\u202Egnp.exe<b data-es=c1>";
    /** A document the clinic anchors (docType 3, access policy, version 1): its bytes are a script. */
    static final byte[] DOCUMENT = "<script>window.__pwned=63</script> access policy".getBytes(StandardCharsets.UTF_8);
    /** Input of a plain transaction: markup around an e-mail address (GDPR-MIN-01 outside the contracts). */
    static final String PLAIN_INPUT = "<img src=x onerror=\"window.__pwned=5\" data-es=tx1>"
            + "<script>window.__pwned=6</script> write to mallory.ops@example.org {{7*7}}";

    final Anvil anvil;
    final String genesisHash;
    final Consortium consortium;
    final String clinicId;
    final String requestId;
    final String subject;
    final String recipient;
    final String recordId;
    /** Blocks holding the writes above (the plain transaction's last). */
    final List<Long> blocks = new ArrayList<>();
    final long head;

    private HostileChain(Anvil anvil, String genesisHash, Consortium consortium, long head) {
        this.anvil = anvil;
        this.genesisHash = genesisHash;
        this.consortium = consortium;
        this.clinicId = hex(CLINIC_TEXT);
        this.requestId = hex(REQUEST_TEXT);
        this.subject = hex(SUBJECT_TEXT);
        this.recipient = hex(RECIPIENT_TEXT);
        this.recordId = hex(RECORD_TEXT);
        this.head = head;
    }

    /** Starts anvil, deploys the three contracts, admits the hostile clinic and writes its hostile events. */
    static HostileChain start() throws Exception {
        Anvil anvil = Anvil.start(null);
        try {
            ObjectMapper json = new ObjectMapper();
            String genesis = json.readTree(anvil.rpc("eth_getBlockByNumber", "[\"0x0\",false]"))
                    .get("result").get("hash").asText();
            Web3j web3j = Web3j.build(new HttpService(anvil.url()));
            List<Long> blocks = new ArrayList<>();
            Consortium c;
            try {
                ChainWriter admin = new ChainWriter(web3j, Credentials.create(ANVIL_KEY_0), Anvil.CHAIN_ID, Gas.ANVIL);
                c = Consortium.deploy(admin);
                byte[] clinic = word(CLINIC_TEXT);
                String me = admin.address();
                blocks.add(ok(admin.send(c.registry(), Calls.admit(clinic, Calls.Jurisdiction.EU, false, me, me, me))));
                blocks.add(ok(admin.send(c.accountability(), Calls.receiveRequest(clinic, word(REQUEST_TEXT),
                        word(SUBJECT_TEXT), Calls.RequestType.ERASURE, Calls.Regime.GDPR))));
                blocks.add(ok(admin.send(c.accountability(), Calls.recordDisclosure(clinic, word(DISCLOSURE_TEXT),
                        word(SUBJECT_TEXT), word(RECIPIENT_TEXT), 1, 3))));
                blocks.add(ok(admin.send(c.records(), Calls.commitRecord(clinic, word(RECORD_TEXT),
                        word(REQUEST_TEXT), 1, word(RECIPIENT_TEXT), 1, 0x0100, 0))));
                blocks.add(ok(admin.send(c.records(), Calls.registerKey(clinic, word(RECIPIENT_TEXT),
                        word(SUBJECT_TEXT), word(CLINIC_TEXT)))));
                blocks.add(ok(admin.send(c.accountability(), Calls.anchorDocument(clinic, 3,
                        MessageDigest.getInstance("SHA-256").digest(DOCUMENT), 1))));
                blocks.add(ok(admin.sendData("0x000000000000000000000000000000000000dEaD",
                        Hex.encodePrefixed(PLAIN_INPUT.getBytes(StandardCharsets.UTF_8)))));
            } finally {
                web3j.shutdown();
            }
            HostileChain chain = new HostileChain(anvil, genesis, c, blocks.get(blocks.size() - 1));
            chain.blocks.addAll(blocks);
            return chain;
        } catch (Exception | Error e) {
            anvil.close();
            throw e;
        }
    }

    /** The portal's ledger settings for this chain, clinic-north being the hostile clinic. */
    Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", anvil.url());
        c.put("custos.ledger.checkpoint", "0:" + genesisHash);
        c.put("custos.ledger.consensus", "DEV");
        c.put("custos.ledger.contracts.registry", consortium.registry().toLowerCase());
        c.put("custos.ledger.contracts.records", consortium.records().toLowerCase());
        c.put("custos.ledger.contracts.accountability", consortium.accountability().toLowerCase());
        c.put("custos.ledger.retries", "1");
        c.put("custos.ledger.retry-backoff-ms", "50");
        c.put("custos.ledger.timeout-seconds", "5");
        c.put("custos.ledger.sync.interval-ms", "300");
        c.put("custos.ledger.clinics", "clinic-north=" + clinicId);
        return c;
    }

    /** The text as a bytes32 word: its UTF-8 bytes, zero-padded on the right (as Solidity pads bytes32 literals). */
    static byte[] word(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 32) {
            throw new IllegalArgumentException(text + " is longer than 32 bytes");
        }
        byte[] w = new byte[32];
        System.arraycopy(utf8, 0, w, 0, utf8.length);
        return w;
    }

    static String hex(String text) {
        return Hex.encodePrefixed(word(text));
    }

    private static long ok(TransactionReceipt receipt) {
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("a hostile write reverted: " + receipt.getTransactionHash());
        }
        return receipt.getBlockNumber().longValueExact();
    }

    @Override
    public void close() throws InterruptedException {
        anvil.close();
    }
}
