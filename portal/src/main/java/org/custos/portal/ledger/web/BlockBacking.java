package org.custos.portal.ledger.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.application.LedgerService.BlockInspection;
import org.custos.portal.ledger.application.LedgerService.SyncOverview;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;

/**
 * The block page ({@code /ledger/block.xhtml?number=N}, every portal role): the verified block as stored, the
 * same block fetched again and recomputed on top of its verified parent (header fields, hash, seal, transactions
 * and receipts roots), and the block's consortium events that this user may see (the service scopes them). A
 * block not in the verified index answers 404 (the pinned checkpoint excepted); a missing or malformed number 400.
 */
@Named
@ViewScoped
public class BlockBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LedgerService ledger;

    private Long number;
    private SyncOverview overview;
    private VerifiedBlock block;
    private BlockInspection inspection;
    private String unavailable;
    private List<VerifiedEvent> events = List.of();
    private boolean loaded;

    /** The page's view action: runs once the {@code number} parameter has been converted and validated. */
    public void load() {
        if (number == null) {
            return;
        }
        loaded = true;
        overview = ledger.overview();
        block = ledger.block(number).orElse(null);
        if (block == null) {
            if (!isCheckpoint()) {
                PageStatus.notFound();
            }
            return;
        }
        try {
            inspection = ledger.inspectBlock(number).orElse(null);
            if (inspection == null) {
                unavailable = "no endpoint has this block any more";
            }
        } catch (LedgerUnavailableException e) {
            unavailable = e.getMessage();
        }
        events = ledger.eventsInBlock(number);
    }

    public boolean isCheckpoint() {
        return overview != null && overview.configured() && number != null
                && number == overview.checkpointNumber();
    }

    /** DEV chains carry no seals: there is nothing to recover a signer from. */
    public boolean isUnsealed() {
        return overview != null && "DEV".equals(overview.consensus());
    }

    /** The recomputation passed: hash equal to the stored one and every check of the block verified. */
    public boolean isRecomputedOk() {
        return inspection != null && inspection.matchesStored() && "VERIFIED".equals(inspection.verdict());
    }

    /** Header fields as the node serves them now, for a table. */
    public List<Map.Entry<String, String>> getHeaderFields() {
        return inspection == null ? List.of() : new ArrayList<>(inspection.headerFields().entrySet());
    }

    public String getInspectedAt() {
        return inspection == null ? null : Endpoints.display(inspection.endpoint());
    }

    public Long getNumber() {
        return number;
    }

    public void setNumber(Long number) {
        this.number = number;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public SyncOverview getOverview() {
        return overview;
    }

    public VerifiedBlock getBlock() {
        return block;
    }

    public BlockInspection getInspection() {
        return inspection;
    }

    public String getUnavailable() {
        return unavailable;
    }

    public List<VerifiedEvent> getEvents() {
        return events;
    }
}
