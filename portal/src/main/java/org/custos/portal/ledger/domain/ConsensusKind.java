package org.custos.portal.ledger.domain;

/** The consensus of the audited chain, which decides what "verified" can mean (see docs/verification.md). */
public enum ConsensusKind {
    /** Besu QBFT: commit seals of a quorum of the replayed validator set; blocks are final. */
    QBFT(true),
    /** Besu IBFT 2.0: as QBFT with IBFT 2.0's extraData layout; blocks are final. */
    IBFT2(true),
    /** Clique (EIP-225): signer from a pinned authorised set; blocks are not final (reorganisations happen). */
    CLIQUE(false),
    /** Development chain (anvil): hash chain only, no finality proof; reorganisations are possible. */
    DEV(false);

    private final boolean finalBlocks;

    ConsensusKind(boolean finalBlocks) {
        this.finalBlocks = finalBlocks;
    }

    /** True when a verified block can never be replaced (BFT); false when the portal must follow reorgs. */
    public boolean finalBlocks() {
        return finalBlocks;
    }
}
