package org.custos.portal.compliance.export;

/**
 * Which chain the proofs are on: the block the regulator pinned as checkpoint (number and hash; every verified
 * block chains back to it). Consortium chains share chain ids freely, so the pinned block names the chain.
 * Both null when the ledger sync is not configured.
 */
public record ChainRef(Long checkpointNumber, String checkpointHash) {

    /** {@code checkpoint:<number>:<hash>}, or {@code unconfigured}. */
    public String label() {
        return checkpointHash == null ? "unconfigured" : "checkpoint:" + checkpointNumber + ":" + checkpointHash;
    }
}
