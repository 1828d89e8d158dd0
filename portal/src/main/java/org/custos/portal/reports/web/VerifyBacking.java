package org.custos.portal.reports.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.reports.application.ReportCheck;
import org.custos.portal.reports.application.ReportCheckService;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The verify page ({@code /reports/verify.xhtml}, every portal role): upload a signed report and read, in words,
 * what was established about it. Request scoped: the upload and the result live for one request and are never
 * kept. The upload is read within {@code custos.reports.verify-max-bytes} (default 64 MiB) by {@link PdfUpload};
 * the checks are {@link ReportCheckService}'s.
 */
@Named
@RequestScoped
public class VerifyBacking {

    public static final String MAX_BYTES = "custos.reports.verify-max-bytes";
    /** The file input's client id on verify.xhtml (form {@code verify}, input {@code file}). */
    static final String FILE_INPUT = "verify:file";
    private static final Logger LOG = Logger.getLogger(VerifyBacking.class.getName());

    @Inject
    ReportCheckService checks;

    private Part file;
    private ReportCheck result;

    /** The form's action. */
    public void check() {
        Part chosen = file;
        if (chosen == null || chosen.getSubmittedFileName() == null || chosen.getSubmittedFileName().isBlank()) {
            Part raw = rawPart();
            chosen = raw != null ? raw : file;
        }
        PdfUpload.Outcome upload = PdfUpload.read(source(chosen), maxBytes());
        if (upload.refusal() != null) {
            result = upload.refusal();
            return;
        }
        try {
            result = checks.check(upload.bytes());
        } catch (jakarta.ejb.EJBAccessException e) {
            throw e; // the 403 page: a role check, not a failed check
        } catch (EJBException | IllegalStateException e) {
            // not a verdict: say that the check did not complete, keep the details in the server log
            LOG.log(Level.SEVERE, "report check failed", e);
            result = null;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The check could not be completed (an error on the server, logged there). Nothing was stored.",
                    null));
        }
    }

    /**
     * The file input's part as the browser sent it. Faces gives the input no value for a 0-byte file, as if none
     * had been chosen; the request still has the part with its file name, which tells "empty file" from "no file".
     */
    private static Part rawPart() {
        try {
            Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
            return request instanceof HttpServletRequest http ? http.getPart(FILE_INPUT) : null;
        } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
            return null;
        }
    }

    static PdfUpload.Source source(Part part) {
        if (part == null) {
            return null;
        }
        return new PdfUpload.Source() {
            @Override
            public String name() {
                return part.getSubmittedFileName();
            }

            @Override
            public long size() {
                return part.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return part.getInputStream();
            }
        };
    }

    public long getMaxBytes() {
        return maxBytes();
    }

    public long getMaxMegabytes() {
        return maxBytes() >> 20;
    }

    static long maxBytes() {
        try {
            long configured = ConfigProvider.getConfig().getOptionalValue(MAX_BYTES, Long.class)
                    .orElse(PdfUpload.DEFAULT_MAX_BYTES);
            return configured > 0 ? configured : PdfUpload.DEFAULT_MAX_BYTES;
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> MAX_BYTES + " is not a number of bytes; using " + PdfUpload.DEFAULT_MAX_BYTES);
            return PdfUpload.DEFAULT_MAX_BYTES;
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public ReportCheck getResult() {
        return result;
    }
}
