package org.custos.portal.ledger.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The ledger configuration, read from MicroProfile Config keys (environment variables in upper case with
 * underscores, see docs/operations.md "Ledger sync configuration"). {@link #from} checks everything and throws a
 * {@link LedgerConfigException} naming the setting, so that a bad value stops the portal at startup with a clear
 * message instead of syncing against the wrong chain.
 *
 * <p>Without {@code custos.ledger.checkpoint} the sync is off ({@link #syncEnabled()} false): the portal then only
 * shows the node's claimed status.
 *
 * @param endpoints      JSON-RPC endpoints (the first is read from; all are compared: split view)
 * @param checkpoint     the pinned block the regulator trusts (null when the sync is off)
 * @param consensus      the chain's consensus
 * @param validators     the pinned validator / signer set at the checkpoint (lower-case 0x addresses)
 * @param epochLength    BFT epoch length
 * @param contracts      consortium contract addresses (lower-case), null when the sync is off
 * @param clinics        portal clinic ids (token claim {@code clinic_id}) to on-chain clinic ids (bytes32 hex)
 * @param batchSize      blocks per batched request
 * @param prefetch       batches requested ahead of the one being verified (0: one request at a time)
 * @param timeout        connect/read timeout per request
 * @param retries        retries of a failed request (exponential backoff from {@code retryBackoff})
 * @param retryBackoff   first backoff
 * @param interval       pause between sync runs
 */
public record LedgerSettings(List<String> endpoints, Checkpoint checkpoint, ConsensusKind consensus,
                             List<String> validators, long epochLength, Contracts contracts,
                             Map<String, String> clinics, int batchSize, int prefetch, Duration timeout,
                             int retries, Duration retryBackoff, Duration interval) {

    public static final String URLS = "custos.ledger.urls";
    public static final String URL = "custos.ledger.url";
    public static final String CHECKPOINT = "custos.ledger.checkpoint";
    public static final String CONSENSUS = "custos.ledger.consensus";
    public static final String VALIDATORS = "custos.ledger.validators";
    public static final String EPOCH_LENGTH = "custos.ledger.epoch-length";
    public static final String REGISTRY = "custos.ledger.contracts.registry";
    public static final String RECORDS = "custos.ledger.contracts.records";
    public static final String ACCOUNTABILITY = "custos.ledger.contracts.accountability";
    public static final String CLINICS = "custos.ledger.clinics";
    public static final String BATCH_SIZE = "custos.ledger.sync.batch-size";
    public static final String INTERVAL = "custos.ledger.sync.interval-ms";
    public static final String PREFETCH = "custos.ledger.sync.prefetch";
    /** Batches requested ahead by default: the node serves them while the portal parses and verifies. */
    public static final int DEFAULT_PREFETCH = 2;
    public static final String TIMEOUT = "custos.ledger.timeout-seconds";
    public static final String RETRIES = "custos.ledger.retries";
    public static final String RETRY_BACKOFF = "custos.ledger.retry-backoff-ms";

    public static final String DEFAULT_URL = "http://127.0.0.1:8545";

    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    /** The pinned block: number and hash (genesis: number 0). */
    public record Checkpoint(long number, String hash) {
    }

    /** The consortium's contracts (docs/consortium.md). */
    public record Contracts(String registry, String records, String accountability) {

        /** The role of a contract address, or null if it is none of the three. */
        public String roleOf(String address) {
            if (registry.equals(address)) {
                return "registry";
            }
            if (records.equals(address)) {
                return "records";
            }
            return accountability.equals(address) ? "accountability" : null;
        }
    }

    public LedgerSettings {
        endpoints = List.copyOf(endpoints);
        validators = List.copyOf(validators);
        clinics = Map.copyOf(clinics);
    }

    public boolean syncEnabled() {
        return checkpoint != null;
    }

    /** Reads and checks the settings; {@code config} returns a key's value if set. */
    public static LedgerSettings from(Function<String, Optional<String>> config) {
        List<String> endpoints = endpoints(config);
        Duration timeout = Duration.ofSeconds(positive(config, TIMEOUT, 5, 600));
        int retries = (int) range(config, RETRIES, 2, 0, 10);
        Duration backoff = Duration.ofMillis(range(config, RETRY_BACKOFF, 250, 1, 60_000));
        int batch = (int) range(config, BATCH_SIZE, 100, 1, 2000);
        int prefetch = (int) range(config, PREFETCH, DEFAULT_PREFETCH, 0, 8);
        Duration interval = Duration.ofMillis(range(config, INTERVAL, 2000, 10, 3_600_000));
        Optional<String> checkpointText = value(config, CHECKPOINT);
        if (checkpointText.isEmpty()) {
            return new LedgerSettings(endpoints, null, null, List.of(), 0, null, Map.of(), batch, prefetch, timeout,
                    retries, backoff, interval);
        }
        Checkpoint checkpoint = checkpoint(checkpointText.get());
        ConsensusKind consensus = consensus(value(config, CONSENSUS).orElseThrow(() -> new LedgerConfigException(
                CONSENSUS + " (CUSTOS_LEDGER_CONSENSUS) is required when a checkpoint is pinned: one of QBFT, "
                        + "IBFT2, CLIQUE, DEV")));
        List<String> validators = addresses(VALIDATORS, value(config, VALIDATORS).orElse(""));
        if (consensus == ConsensusKind.DEV && !validators.isEmpty()) {
            throw new LedgerConfigException(VALIDATORS + " must be empty for consensus DEV (a dev chain has no "
                    + "validators; its blocks are verified by hash chain only)");
        }
        if (consensus != ConsensusKind.DEV && validators.isEmpty()) {
            throw new LedgerConfigException(VALIDATORS + " (CUSTOS_LEDGER_VALIDATORS) is required for consensus "
                    + consensus + ": the comma-separated validator/signer addresses in force at the checkpoint");
        }
        long epoch = range(config, EPOCH_LENGTH, 30000, 1, Long.MAX_VALUE);
        if (consensus.finalBlocks() && checkpoint.number() % epoch != 0) {
            throw new LedgerConfigException(CHECKPOINT + " (CUSTOS_LEDGER_CHECKPOINT): for " + consensus
                    + " the pinned block must be an epoch block (a multiple of " + EPOCH_LENGTH + " = " + epoch
                    + ", or genesis), whose validator list is " + VALIDATORS + "; got block " + checkpoint.number());
        }
        Contracts contracts = new Contracts(address(REGISTRY, required(config, REGISTRY)),
                address(RECORDS, required(config, RECORDS)),
                address(ACCOUNTABILITY, required(config, ACCOUNTABILITY)));
        if (new LinkedHashSet<>(List.of(contracts.registry(), contracts.records(), contracts.accountability()))
                .size() != 3) {
            throw new LedgerConfigException("the three consortium contract addresses must differ: " + contracts);
        }
        return new LedgerSettings(endpoints, checkpoint, consensus, validators, epoch, contracts,
                clinics(value(config, CLINICS).orElse("")), batch, prefetch, timeout, retries, backoff, interval);
    }

    /** The on-chain clinic id (bytes32 hex) of a portal clinic id: mapped, or the claim itself if it is one. */
    public Optional<String> chainClinicId(String portalClinicId) {
        if (portalClinicId == null) {
            return Optional.empty();
        }
        String mapped = clinics.get(portalClinicId);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        String lower = portalClinicId.toLowerCase(Locale.ROOT);
        return HASH.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    private static List<String> endpoints(Function<String, Optional<String>> config) {
        String raw = value(config, URLS).or(() -> value(config, URL)).orElse(DEFAULT_URL);
        List<String> result = new ArrayList<>();
        for (String part : raw.split(",")) {
            String url = part.trim();
            if (url.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
                    throw new LedgerConfigException(URLS + " (CUSTOS_LEDGER_URLS): not an http(s) URL: " + url);
                }
            } catch (URISyntaxException e) {
                throw new LedgerConfigException(URLS + " (CUSTOS_LEDGER_URLS): not a URL: " + url);
            }
            if (result.contains(url)) {
                throw new LedgerConfigException(URLS + ": endpoint listed twice: " + url);
            }
            result.add(url);
        }
        if (result.isEmpty()) {
            throw new LedgerConfigException(URLS + " (CUSTOS_LEDGER_URLS): no endpoint given");
        }
        return result;
    }

    private static Checkpoint checkpoint(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String hash = t;
        long number = 0;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            try {
                number = Long.parseLong(t.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                number = -1;
            }
            hash = t.substring(colon + 1).trim();
            if (number < 0) {
                throw new LedgerConfigException(CHECKPOINT + " (CUSTOS_LEDGER_CHECKPOINT): block number must be a "
                        + "non-negative decimal, got '" + text + "' (form: 0x<genesis hash> or <number>:0x<hash>)");
            }
        }
        if (!HASH.matcher(hash).matches()) {
            throw new LedgerConfigException(CHECKPOINT + " (CUSTOS_LEDGER_CHECKPOINT): not a 32-byte 0x hash: '"
                    + text + "' (form: 0x<genesis hash> or <number>:0x<hash>)");
        }
        return new Checkpoint(number, hash);
    }

    private static ConsensusKind consensus(String text) {
        try {
            return ConsensusKind.valueOf(text.trim().toUpperCase(Locale.ROOT).replace("IBFT2.0", "IBFT2")
                    .replace("IBFT_2", "IBFT2"));
        } catch (IllegalArgumentException e) {
            throw new LedgerConfigException(CONSENSUS + " (CUSTOS_LEDGER_CONSENSUS): unknown consensus '" + text
                    + "'; one of QBFT, IBFT2, CLIQUE, DEV");
        }
    }

    private static List<String> addresses(String key, String text) {
        List<String> result = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                String a = address(key, part);
                if (result.contains(a)) {
                    throw new LedgerConfigException(key + ": address listed twice: " + a);
                }
                result.add(a);
            }
        }
        return result;
    }

    private static String address(String key, String text) {
        String a = text.trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(a).matches()) {
            throw new LedgerConfigException(key + ": not a 20-byte 0x address: '" + text.trim() + "'");
        }
        return a;
    }

    private static Map<String, String> clinics(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).trim();
            String id = eq < 0 ? "" : part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !HASH.matcher(id).matches()) {
                throw new LedgerConfigException(CLINICS + " (CUSTOS_LEDGER_CLINICS): expected "
                        + "clinic-name=0x<32-byte clinic id>, got '" + part.trim() + "'");
            }
            if (result.put(name, id) != null) {
                throw new LedgerConfigException(CLINICS + ": clinic listed twice: " + name);
            }
        }
        return result;
    }

    private static String required(Function<String, Optional<String>> config, String key) {
        return value(config, key).orElseThrow(() -> new LedgerConfigException(key + " ("
                + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                + ") is required when a checkpoint is pinned"));
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static long positive(Function<String, Optional<String>> config, String key, long dflt, long max) {
        return range(config, key, dflt, 1, max);
    }

    private static long range(Function<String, Optional<String>> config, String key, long dflt, long min,
                              long max) {
        Optional<String> text = value(config, key);
        if (text.isEmpty()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.get());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new LedgerConfigException(key + ": expected a whole number from " + min + " to " + max
                    + ", got '" + text.get() + "'");
        }
    }
}
