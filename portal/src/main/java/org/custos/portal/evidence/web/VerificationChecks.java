package org.custos.portal.evidence.web;

import java.util.ArrayList;
import java.util.List;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerification.CheckpointCheck;
import org.custos.portal.evidence.domain.BundleVerification.DocumentCheck;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptCheck;

/** A bundle verification as the page lists it: one line per check, passed or failed, with the reason. */
public final class VerificationChecks {

    /** One check: what was checked, whether it passed, and why (or against what) in words. */
    public record Check(String name, boolean passed, String detail) implements java.io.Serializable {
    }

    private VerificationChecks() {
    }

    public static List<Check> of(BundleVerification v) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("Access-log entries covered by an anchored checkpoint", v.coveredEntries() == v.entries(),
                v.coveredEntries() + " of " + v.entries() + " entries"));
        for (CheckpointCheck c : v.checkpoints()) {
            checks.add(checkpoint(c));
        }
        for (ReceiptCheck r : v.receipts()) {
            checks.add(new Check("KMS deletion receipt of key " + r.keyId(),
                    r.status() == BundleVerification.ReceiptStatus.OK, receipt(r)));
        }
        for (DocumentCheck d : v.documents()) {
            checks.add(new Check("Anchored document type " + d.docType() + " version " + d.version(), d.found(),
                    d.found() ? "bundled as " + d.path() + ", SHA-256 equals the anchored " + d.docHash()
                            : "no bundled file has the anchored SHA-256 " + d.docHash()));
        }
        return checks;
    }

    static Check checkpoint(CheckpointCheck c) {
        boolean rootOk = c.status() == BundleVerification.RootStatus.MATCH;
        boolean headOk = c.head() == BundleVerification.HeadStatus.OK;
        boolean consistent = c.consistentWithPrevious() == null || c.consistentWithPrevious();
        String root = switch (c.status()) {
            case MATCH -> "the bundle's first " + c.treeSize() + " entries hash to the anchored root";
            case MISMATCH -> "the bundle's first " + c.treeSize() + " entries hash to " + c.bundleRoot()
                    + ", not to the anchored root " + c.anchoredRoot();
            case SHORT -> "the bundle has fewer than the anchored " + c.treeSize() + " entries";
        };
        String head = switch (c.head()) {
            case OK -> "signed tree head by the registered log signer";
            case MISSING -> "no signed tree head in the bundle";
            case DIFFERENT -> "the signed tree head differs from the anchored checkpoint";
            case WRONG_SIGNER -> "the signed tree head is signed by " + c.headSigner() + ", not the registered signer";
        };
        String consistency = c.consistentWithPrevious() == null ? "first checkpoint"
                : c.consistentWithPrevious() ? "consistent with the previous checkpoint"
                : "NOT consistent with the previous checkpoint (the log was rewritten)";
        return new Check("Checkpoint " + (c.index() + 1) + " (tree size " + c.treeSize() + ", block "
                + c.event().block() + ")", rootOk && headOk && consistent, root + "; " + head + "; " + consistency);
    }

    private static String receipt(ReceiptCheck r) {
        return switch (r.status()) {
            case OK -> "hashes to the anchored value and is signed by the registered KMS attestation key";
            case MISSING -> "no receipt for this key in the bundle";
            case CONTENT_MISMATCH -> "the receipt does not hash to the anchored value or names another key or clinic";
            case WRONG_SIGNER -> "signed by " + r.signer() + ", not the registered KMS attestation key";
            case BAD_SIGNATURE -> "the signature does not verify";
        };
    }
}
