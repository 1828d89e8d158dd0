package org.custos.portal.ledger.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One block as a node sent it: the {@code eth_getBlockByNumber(n, true)} object and the
 * {@code eth_getBlockReceipts(n)} list, parsed from JSON but otherwise untouched. Everything here is a claim
 * until {@link BatchVerifier} has recomputed it.
 */
public record RpcBlock(long number, Map<String, Object> block, List<Map<String, Object>> receipts) {

    public RpcBlock {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(receipts, "receipts");
    }
}
