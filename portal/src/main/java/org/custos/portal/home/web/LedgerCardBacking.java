package org.custos.portal.home.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.ledger.application.LedgerService;
import org.custos.portal.ledger.application.LedgerService.SyncOverview;

/**
 * What the start pages' ledger card says Custos has verified, beside the node's claims: the verified height and
 * its share of the node's head, in words ({@link #verifiedWords(SyncOverview)}).
 */
@Named
@RequestScoped
public class LedgerCardBacking {

    private static final Logger LOG = Logger.getLogger(LedgerCardBacking.class.getName());

    @Inject
    LedgerService ledger;

    private String verified;

    /** One sentence: what is verified, or why nothing is. */
    public String getVerified() {
        if (verified == null) {
            try {
                verified = verifiedWords(ledger.overview());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ledger card: the sync overview could not be read", e);
                verified = "The verified height could not be read; the ledger page says more.";
            }
        }
        return verified;
    }

    /** The sentence for an overview (pure, for tests). */
    static String verifiedWords(SyncOverview o) {
        if (!o.configured()) {
            return "Nothing is verified: the ledger sync is not configured (no pinned checkpoint).";
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        String height = "Verified by Custos up to block " + n.format(o.verifiedNumber());
        if (o.haltedAt() != null) {
            return height + "; the sync stopped at block " + n.format(o.haltedAt()) + " (see the ledger page).";
        }
        if (o.targetHead() < 0) {
            return height + " (from the checkpoint, block " + n.format(o.checkpointNumber()) + ").";
        }
        if (o.verifiedNumber() >= o.targetHead()) {
            return height + ": every block up to the node's head.";
        }
        long percent = (long) Math.floor(o.progress() * 100);
        return height + " of the node's " + n.format(o.targetHead()) + " (" + percent + " %); catching up.";
    }
}
