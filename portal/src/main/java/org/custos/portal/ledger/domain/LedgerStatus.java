package org.custos.portal.ledger.domain;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A node's answer to "where are you": chain id, client version and head block, exactly as the node claims
 * them. These are claims, not verified facts: verification of blocks is the ledger sync's job.
 */
public record LedgerStatus(String endpoint, boolean reachable, BigInteger chainId, String clientVersion,
                           BigInteger headNumber, String headHash, Instant headTime, String error,
                           Instant checkedAt) {

    public static LedgerStatus unreachable(String endpoint, String error, Instant checkedAt) {
        return new LedgerStatus(endpoint, false, null, null, null, null, null, error, checkedAt);
    }
}
