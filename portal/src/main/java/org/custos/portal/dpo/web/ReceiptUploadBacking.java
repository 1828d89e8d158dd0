package org.custos.portal.dpo.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.dpo.application.ReceiptService;
import org.custos.portal.dpo.domain.DsrReceipt;
import org.custos.portal.dpo.domain.KmsReceiptVerifier;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Reason;
import org.primefaces.model.file.UploadedFile;

/**
 * The KMS receipt upload of one request ({@code WEB-INF/includes/dpo-receipt-upload.xhtml}, included by the request
 * page with {@code requestId}): a receipt {@code .json} and its {@code .sig}, each read up to one byte over its bound
 * (so an oversized file is refused as {@code TOO_LARGE} without being read whole), verified by
 * {@link ReceiptService}. Request scoped: nothing of a refused upload outlives the response. The verdict is shown
 * in words with what was expected and found, escaped (Faces output components; never {@code escape="false"}).
 */
@Named
@RequestScoped
public class ReceiptUploadBacking {

    private static final Logger LOG = Logger.getLogger(ReceiptUploadBacking.class.getName());
    private static final Map<Reason, String> WORDS = Map.of(
            Reason.TOO_LARGE, "A file is too large: a receipt is at most 64 KiB, its signature file at most 256 bytes.",
            Reason.NOT_JSON, "The receipt is not a JSON object.",
            Reason.WRONG_CLINIC, "The receipt is for another clinic than this request's.",
            Reason.KEY_NOT_OF_REQUEST, "The receipt is for a key that is not one of this request's keys.",
            Reason.NOT_ANCHORED, "No KeyDestroyed on the verified chain anchors this receipt: its SHA-256 is not "
                    + "the key's kmsDeletionReceiptHash.",
            Reason.BAD_SIGNATURE, "The signature is missing, not 0x and 130 hex digits, or recovers no address.",
            Reason.WRONG_SIGNER, "The receipt is signed by another key than the clinic's registered KMS attestation "
                    + "key.");

    @Inject
    ReceiptService receipts;

    private UploadedFile receiptFile;
    private UploadedFile signatureFile;
    private ReceiptService.Upload result;
    private final Map<String, List<DsrReceipt>> kept = new HashMap<>();

    /** The form's action for request {@code requestId}. */
    public void upload(String requestId) {
        result = null;
        try {
            byte[] receipt = read(receiptFile, KmsReceiptVerifier.MAX_RECEIPT_BYTES);
            byte[] signature = read(signatureFile, KmsReceiptVerifier.MAX_SIGNATURE_FILE_BYTES);
            result = receipts.upload(requestId, receipt, signature).orElse(null);
            if (result == null) {
                message(FacesMessage.SEVERITY_ERROR, "Request not found. Nothing was kept.");
            }
        } catch (EJBAccessException e) {
            throw e; // the 403 page: a role check, not a verdict
        } catch (IOException e) {
            message(FacesMessage.SEVERITY_ERROR, "The upload could not be read. Nothing was kept.");
        } catch (EJBException | IllegalStateException e) {
            LOG.log(Level.SEVERE, "receipt check failed", e);
            message(FacesMessage.SEVERITY_ERROR, "The check could not be completed (an error on the server, logged "
                    + "there). Nothing was kept.");
        } finally {
            kept.clear();
        }
    }

    /**
     * At most {@code max + 1} bytes of the upload: one more than allowed is enough for the verifier to refuse it as
     * too large. Null when no file was chosen.
     */
    static byte[] read(UploadedFile file, int max) throws IOException {
        if (file == null || (file.getSize() <= 0 && blank(file.getFileName()))) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(max + 1);
        }
    }

    /** The request's kept receipts (read once per response). */
    public List<DsrReceipt> kept(String requestId) {
        return kept.computeIfAbsent(String.valueOf(requestId), id -> receipts.receipts(requestId));
    }

    /** The verdict in words. */
    public String getHeadline() {
        if (result == null) {
            return null;
        }
        KmsReceiptVerifier.Verdict v = result.verdict();
        if (v.verified()) {
            return "Verified: signed by the clinic's KMS attestation key and anchored by KeyDestroyed of key "
                    + v.keyId() + (result.alreadyKept() ? ". This receipt was kept already." : ". Kept as evidence.");
        }
        return "Refused (" + v.reason() + "): " + WORDS.get(v.reason()) + " Nothing was kept.";
    }

    static String words(Reason reason) {
        return WORDS.get(reason);
    }

    public ReceiptService.Upload getResult() {
        return result;
    }

    public UploadedFile getReceiptFile() {
        return receiptFile;
    }

    public void setReceiptFile(UploadedFile receiptFile) {
        this.receiptFile = receiptFile;
    }

    public UploadedFile getSignatureFile() {
        return signatureFile;
    }

    public void setSignatureFile(UploadedFile signatureFile) {
        this.signatureFile = signatureFile;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
