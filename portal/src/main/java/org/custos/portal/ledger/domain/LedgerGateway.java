package org.custos.portal.ledger.domain;

/** Reads from a ledger node. Implementations only read; the portal never writes to the ledger. */
public interface LedgerGateway {

    /** Asks the node for its status; never throws: an unreachable node is a status too. */
    LedgerStatus status();
}
