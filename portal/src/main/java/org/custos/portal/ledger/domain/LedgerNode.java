package org.custos.portal.ledger.domain;

import java.util.List;
import java.util.Map;

/**
 * One ledger node, read-only. Implementations send only JSON-RPC read methods and refuse any other method before
 * it leaves the process. Answers are untrusted claims; verification is the caller's job.
 */
public interface LedgerNode {

    /** The endpoint, as configured (shown on the ledger page and named in split-view alerts). */
    String name();

    /** {@code eth_chainId}. */
    long chainId() throws LedgerUnavailableException;

    /** {@code eth_blockNumber}: the node's claimed head. */
    long headNumber() throws LedgerUnavailableException;

    /**
     * Blocks {@code from .. from+count-1} with full transactions and their receipts, in one batched request. Stops
     * early (returns fewer) at the first block the node does not have.
     */
    List<RpcBlock> blocks(long from, int count) throws LedgerUnavailableException;

    /**
     * The headers (without transactions) of {@code from .. from+count-1}, in one batched request; an element is null
     * where the node has no such block.
     */
    List<Map<String, Object>> headers(long from, int count) throws LedgerUnavailableException;

    /** {@code eth_getProof(address, slots, block)}: the EIP-1186 proof object as the node sent it. */
    Map<String, Object> proof(String address, List<String> slots, long block) throws LedgerUnavailableException;
}
