package org.custos.portal.reports.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custos.portal.reports.application.RegisterService;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The register of issued reports ({@code /reports/register.xhtml}, every portal role): newest first, paged in the
 * database, each row with its download link. The service keeps a compliance officer or DPO to their own clinic.
 */
@Named
@ViewScoped
public class RegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RegisterService register;

    @Inject
    transient CurrentUser user;

    private final LazyDataModel<IssuedReport> reports = new RegisterModel();

    public LazyDataModel<IssuedReport> getReports() {
        return reports;
    }

    public boolean isRegulator() {
        return user.isRegulator();
    }

    private final class RegisterModel extends LazyDataModel<IssuedReport> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, register.count());
        }

        @Override
        public List<IssuedReport> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            return register.list(first, pageSize);
        }

        @Override
        public String getRowKey(IssuedReport r) {
            return r.getId();
        }

        @Override
        public IssuedReport getRowData(String rowKey) {
            return null;
        }
    }
}
