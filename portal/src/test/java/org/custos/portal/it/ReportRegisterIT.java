package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.reports.domain.ReportRegister;
import org.custos.portal.reports.domain.VerifiedChain;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailChainVerifier;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailRepository;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The register of issued reports inside Payara Micro on the database the failsafe execution chose (H2's BLOB,
 * PostgreSQL's BYTEA, migration V9): rows and PDFs stored and read back byte for byte, the clinic scope in every
 * query (the consortium report and another clinic's invisible to a clinic scope, by list, id and PDF), newest first;
 * and the trail recomputed up to a report's head on the real repository.
 */
@ExtendWith(ArquillianExtension.class)
class ReportRegisterIT {

    private static final String NORTH = "0x" + "a1".repeat(32);
    private static final String SOUTH = "0x" + "b2".repeat(32);

    @Inject
    ReportRegister register;

    @Inject
    VerifiedChain chain;

    @Inject
    TrailService trail;

    @Inject
    TrailRepository trailRepository;

    @Inject
    UserTransaction tx;

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWar(ReportRegisterIT.class);
    }

    @Test
    void rowsAndPdfsRoundTripInScope() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] northPdf = bytes(300_000, 1);
        byte[] southPdf = bytes(1_000, 2);
        byte[] consortiumPdf = bytes(5_000, 3);
        Instant t = Instant.parse("2026-12-07T10:00:00.123456Z");
        long northBefore = register.count(NORTH);
        tx.begin();
        register.store(row("IT-N-" + run, ReportKind.PRE_INSPECTION, NORTH, northPdf, t.plusSeconds(1)), northPdf);
        register.store(row("IT-S-" + run, ReportKind.CLINIC_AUDIT, SOUTH, southPdf, t.plusSeconds(2)), southPdf);
        register.store(row("IT-C-" + run, ReportKind.CONSORTIUM_INTEGRITY, null, consortiumPdf, t.plusSeconds(3)),
                consortiumPdf);
        tx.commit();

        assertEquals(northBefore + 1, register.count(NORTH));
        List<IssuedReport> north = register.list(NORTH, 0, 1000);
        assertTrue(north.stream().allMatch(r -> NORTH.equals(r.getClinicId())), "another clinic's row leaked");
        assertTrue(north.stream().anyMatch(r -> r.getId().equals("IT-N-" + run)));
        List<IssuedReport> all = register.list(null, 0, 1000);
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).getIssuedAt().isAfter(all.get(i - 1).getIssuedAt()), "not newest first");
        }
        assertTrue(register.find("IT-S-" + run, NORTH).isEmpty());
        assertTrue(register.find("IT-C-" + run, NORTH).isEmpty());
        assertTrue(register.pdf("IT-S-" + run, NORTH).isEmpty());
        assertTrue(register.pdf("IT-C-" + run, NORTH).isEmpty());
        assertTrue(register.pdf("IT-C-" + run, "-").isEmpty());

        IssuedReport read = register.find("IT-N-" + run, NORTH).orElseThrow();
        assertEquals(t.plusSeconds(1), read.getIssuedAt());
        assertEquals(sha256(northPdf), read.getPdfSha256());
        assertEquals(ReportKind.PRE_INSPECTION, read.getKind());
        assertArrayEquals(northPdf, register.pdf("IT-N-" + run, NORTH).orElseThrow());
        assertArrayEquals(consortiumPdf, register.pdf("IT-C-" + run, null).orElseThrow());
        assertEquals("IT-S-" + run, register.findByPdfSha256(sha256(southPdf)).orElseThrow().getId());
        assertTrue(register.findByPdfSha256("00".repeat(32)).isEmpty());
    }

    @Test
    void theVerifiedChainAnswersByNumber() {
        assertTrue(chain.hashes(List.of()).isEmpty());
        chain.range().ifPresent(r -> {
            assertTrue(r.first() <= r.head());
            assertEquals(1, chain.hashes(List.of(r.head(), r.head() + 1)).size());
        });
    }

    @Test
    void theTrailIsRecomputedUpToAReportsHead() throws Exception {
        SignedInUser actor = new SignedInUser("it-user", "regulator", null);
        tx.begin();
        trail.record(actor, TrailAction.REPORT_VERIFIED, "report upload", "x", "one");
        TrailEntry head = trail.record(actor, TrailAction.REPORT_VERIFIED, "report upload", "y", "two");
        tx.commit();
        tx.begin();
        trail.record(actor, TrailAction.REPORT_VERIFIED, "report upload", "z", "after the report");
        tx.commit();
        tx.begin();
        try {
            assertTrue(TrailChainVerifier.verifyUpTo(trailRepository, head.getSeq(), head.getEntryHash()).intact());
            assertFalse(TrailChainVerifier.verifyUpTo(trailRepository, head.getSeq(), "ee".repeat(32)).intact());
        } finally {
            tx.commit();
        }
    }

    private static IssuedReport row(String id, ReportKind kind, String clinic, byte[] pdf, Instant at) throws Exception {
        return new IssuedReport(id, kind, clinic, kind == ReportKind.DISCLOSURE_ACCOUNTING ? "0x" + "cc".repeat(32) : null,
                "it-user", "regulator", at, sha256(pdf), sha256(new byte[] {1}), pdf.length, "PAdES-B-B", 3,
                "dd".repeat(32));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
