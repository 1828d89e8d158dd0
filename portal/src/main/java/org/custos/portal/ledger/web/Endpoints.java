package org.custos.portal.ledger.web;

import java.net.URI;
import java.net.URISyntaxException;

/** How an endpoint is shown on a page: scheme, host, port and path; never user info or a query (they may hold keys). */
final class Endpoints {

    private Endpoints() {
    }

    static String display(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                return "(endpoint)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getPath() == null ? "" : u.getPath());
        } catch (URISyntaxException e) {
            return "(endpoint)";
        }
    }
}
