package org.custos.portal.reports.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.custos.portal.reports.application.RegisterService;
import org.custos.portal.security.MissingClinicException;
import org.custos.portal.security.Roles;

/**
 * {@code GET /reports/download?id=ID}: an issued report's signed PDF, for any portal role within its scope
 * (checked by the container here and by {@link RegisterService}, which records the download in the trail). An
 * unknown id and another clinic's report get the same answer, the portal's 404 page, so that a URL reveals nothing
 * about reports out of scope. The PDF is sent as an attachment, never rendered inline, and not cached.
 */
@WebServlet(name = "reportDownload", urlPatterns = "/reports/download")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO}))
public class ReportDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient RegisterService register;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String[] ids = req.getParameterValues("id");
        if (ids == null || ids.length != 1) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<RegisterService.Download> download;
        try {
            download = register.download(ids[0]);
        } catch (EJBAccessException | MissingClinicException e) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (RuntimeException e) {
            if (causedBy(e, MissingClinicException.class) || causedBy(e, EJBAccessException.class)) {
                res.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            throw e;
        }
        if (download.isEmpty()) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        res.setContentType("application/pdf");
        // the id matched IssuedReport.ID (letters, digits, '.', '_', '-'): safe inside the quoted file name
        res.setHeader("Content-Disposition", "attachment; filename=\"" + download.get().report().getId() + ".pdf\"");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLengthLong(download.get().report().getSizeBytes());
        // streamed from the database: a report of 100,000 blocks (about 140 MB) is never held in the heap
        register.writePdf(download.get().report().getId(), res.getOutputStream());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
