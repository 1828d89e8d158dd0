package org.custos.portal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

class ForgedPostFilterTest {

    private final Map<String, Object> sent = new HashMap<>();

    @Test
    void aPostWithoutItsNonceIsA400() throws Exception {
        run((rq, rs) -> {
            throw new CspException("Missing CSP nonce");
        });
        assertThat(sent).containsEntry("sendError", 400);
    }

    @Test
    void theNonceRefusalWrappedByTheContainerIsA400Too() throws Exception {
        run((rq, rs) -> {
            throw new ServletException(new CspException("Missing CSP nonce"));
        });
        assertThat(sent).containsEntry("sendError", 400);
    }

    @Test
    void anyOtherExceptionPassesOnUnchanged() {
        IllegalStateException crash = new IllegalStateException("a defect");
        assertThatThrownBy(() -> run((rq, rs) -> {
            throw crash;
        })).isSameAs(crash);
        assertThat(sent).doesNotContainKey("sendError");
    }

    @Test
    void anAnswerAlreadyCommittedIsLeftAlone() {
        committed = true;
        assertThatThrownBy(() -> run((rq, rs) -> {
            throw new CspException("Missing CSP nonce");
        })).isInstanceOf(CspException.class);
        assertThat(sent).doesNotContainKey("sendError");
    }

    private boolean committed;

    private void run(FilterChain chain) throws Exception {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/custos/dpo/request.xhtml";
                    default -> null;
                });
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    if (m.getName().equals("isCommitted")) {
                        return committed;
                    }
                    sent.put(m.getName(), args == null ? null : args[0]);
                    return null;
                });
        new ForgedPostFilter().doFilter(req, res, chain);
    }
}
