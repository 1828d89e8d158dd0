package org.custos.portal.compliance.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute links to the portal's pages, from its base URL ({@code https://host/custos}, no trailing slash). */
public record PortalLinks(String base) {

    public PortalLinks {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String finding(String key) {
        return base + "/compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    public String event(long id) {
        return base + "/ledger/event.xhtml?id=" + id;
    }

    public String block(long number) {
        return base + "/ledger/block.xhtml?number=" + number;
    }
}
