package org.custos.portal.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

/**
 * Which exceptions get the expired page with 400: a ViewExpiredException however deeply Faces wraps it, nothing
 * else (a failure of the portal stays a 500). The handler itself is exercised by TenantCrawlerIT's forged posts.
 */
class ExpiredViewExceptionHandlerFactoryTest {

    @Test
    void aViewExpiredExceptionIsRecognisedThroughItsWrappers() {
        ViewExpiredException expired = new ViewExpiredException("gone", "/dpo/request.xhtml");
        assertTrue(ExpiredViewExceptionHandlerFactory.Handler.expired(expired));
        assertTrue(ExpiredViewExceptionHandlerFactory.Handler.expired(new FacesException(new FacesException(expired))));
    }

    @Test
    void otherFailuresAreNotMistakenForAnExpiredView() {
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.expired(null));
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.expired(new IllegalStateException("boom")));
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.expired(
                new FacesException("view /dpo/request.xhtml could not be restored", new RuntimeException())));
    }

    @Test
    void aPostWithoutItsNonceIsRecognisedDirectlyAndWrapped() {
        assertTrue(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(new CspException("Missing CSP nonce")));
        assertTrue(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(
                new ServletException(new CspException("Missing CSP nonce"))));
        assertTrue(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(
                new FacesException(new CspException("Missing CSP nonce"))));
    }

    @Test
    void anyOtherFailureIsNotTakenForAForgedPost() {
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(null));
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(new IllegalStateException("a defect")));
        assertFalse(ExpiredViewExceptionHandlerFactory.Handler.missingNonce(
                new ViewExpiredException("gone", "/dpo/request.xhtml")));
    }
}
