package org.custos.portal.ledger.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.application.LedgerService.EventProof;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * The event page ({@code /ledger/event.xhtml?id=N}): one consortium event and its proof path, step by step. The
 * service returns another clinic's event to a compliance officer or DPO as absent, so the page says "not found"
 * and shows nothing of it: the same 404 and the same words as for an event that does not exist.
 */
@Named
@ViewScoped
public class EventBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerService ledger;

    private Long id;
    private EventProof proof;
    private boolean loaded;

    /** The page's view action. */
    public void load() {
        if (id == null) {
            return;
        }
        loaded = true;
        proof = ledger.eventProof(id).orElse(null);
        if (proof == null) {
            PageStatus.notFound();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public EventProof getProof() {
        return proof;
    }

    public VerifiedEvent getEvent() {
        return proof == null ? null : proof.event();
    }

    public VerifiedBlock getBlock() {
        return proof == null ? null : proof.block();
    }
}
