package org.custos.portal.dpo.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.portal.compliance.application.ProvenEvents;
import org.custos.portal.compliance.domain.RequestClock;
import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.StoredFinding;
import org.custos.portal.dpo.domain.CaseEvent;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.ErasureVerdict;
import org.custos.portal.dpo.domain.RequestKeys;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.LedgerIndex;
import org.custos.portal.ledger.domain.SyncState;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * One data-subject request's case, in the caller's clinic scope: found by its on-chain id among the verified
 * {@code RequestReceived} events of the clinics the caller may see (another clinic's request is "not found", the
 * same answer as an id nobody used), built from the clinic's proven events, its last verified bundle, its findings
 * and the case history. The DPO records reviews and closes or reopens the case; each is on the trail in the same
 * transaction.
 */
@Stateless
public class RequestCaseService {

    private static final Pattern ID = Pattern.compile("0x[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LedgerIndex index;

    @Inject
    ClinicScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    @Inject
    Clock clock;

    @EJB
    ReceiptStatuses receipts;

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /** The clinic of request {@code requestId} if the caller may see it ({@code clinic}: a regulator's choice). */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<String> clinicOf(String requestId, String clinic) {
        String id = normal(requestId);
        if (id == null) {
            return Optional.empty();
        }
        List<String> clinics = em.createQuery("select e.clinicId from VerifiedEvent e where e.eventName = "
                + "'RequestReceived' and e.topics like :topic order by e.id", String.class)
                .setParameter("topic", "%" + id + "%").setMaxResults(50).getResultList();
        String wanted = clinic == null || clinic.isBlank() ? null : clinic.trim().toLowerCase(Locale.ROOT);
        return clinics.stream().filter(c -> c != null && scope.mayAccess(c))
                .filter(c -> wanted == null || wanted.equals(c)).findFirst();
    }

    /** The request's case, or empty when there is none the caller may see. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<RequestCase> request(String requestId, String clinic) {
        return withEvents(requestId, clinic).map(Loaded::request);
    }

    /** A request's case and the clinic's proven events it was built from (the certificate cites some of them). */
    public record Loaded(RequestCase request, List<ProvenEvent> clinicEvents) {
    }

    /** As {@link #request}, with the clinic's proven events, read once. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<Loaded> withEvents(String requestId, String clinic) {
        String id = normal(requestId);
        Optional<String> found = clinicOf(id, clinic);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String clinicId = found.get();
        List<ProvenEvent> events = ProvenEvents.load(index, clinicId);
        return build(clinicId, id, events).map(rc -> new Loaded(rc, events));
    }

    private Optional<RequestCase> build(String clinicId, String id, List<ProvenEvent> events) {
        ProvenEvent received = first(events, "RequestReceived", "requestId", id);
        if (received == null) {
            return Optional.empty();
        }
        Instant asOf = asOf();
        ProvenEvent extension = first(events, "RequestExtended", "requestId", id);
        ProvenEvent answer = first(events, "RequestAnswered", "requestId", id);
        int type = received.intField("requestType");
        // receipts and the bundle's reach matter to an erasure or a rectification only: read once, if at all
        ReceiptStatuses.Clinic receiptSources = type == 1 || type == 2 ? receipts.of(clinicId) : null;
        int regime = received.intField("regime");
        // the one deadline formula (RequestClock); an erasure is always on the GDPR clock, as GDPR-ER-01 judges it
        RequestClock requestClock = RequestClock.of(regime, type).orElse(type == 1 ? RequestClock.GDPR : null);
        Instant received0 = received.time();
        Instant first = requestClock == null ? null : requestClock.first(received0);
        Instant deadline = requestClock == null ? null : requestClock.deadline(received0, extension == null ? null
                : extension.time());
        String subject = received.field("subjectPseudonym");

        List<RequestCase.Step> timeline = new ArrayList<>();
        timeline.add(new RequestCase.Step("received", received0, typeName(type) + " request under "
                + Regimes.regimeName(regime) + (requestClock == null ? "; no statutory deadline applies"
                : "; due " + first + " (" + requestClock.basis() + ")"), received));
        if (extension != null) {
            timeline.add(new RequestCase.Step("extension notice", extension.time(), requestClock == null
                    ? "no deadline to extend" : requestClock.extensionCounts(received0, extension.time())
                    ? "deadline extended to " + requestClock.extended(received0)
                    : "sent after the first period ended (" + first + "): not an extension", extension));
        }
        String outcome = answer == null ? null : DsrRequestProjection.outcomeName(answer.intField("outcome"));
        if (answer != null) {
            timeline.add(new RequestCase.Step("answered", answer.time(), outcome + (answer.intField("legalGround")
                    == 0 ? "" : ", legal ground " + answer.intField("legalGround")) + (deadline == null ? ""
                    : answer.time().isAfter(deadline) ? "; after the deadline " + deadline : "; in time"), answer));
        }

        Set<String> keyIds = new HashSet<>();
        List<RequestCase.KeyRow> keys = new ArrayList<>();
        List<ErasureVerdict.Access> reads = List.of();
        ErasureVerdict verdict = null;
        List<ProvenEvent> supersedes = new ArrayList<>();
        if (type == 1 || type == 2) {
            // the keys as the receipt check and GDPR-ER-01 count them: registered to the subject by the answer
            RequestKeys requestKeys = RequestKeys.of(events, clinicId, id).orElseThrow();
            keyIds.addAll(requestKeys.keyIds());
            List<ProvenEvent> registered = events.stream().filter(k -> k.name().equals("KeyRegistered")
                    && keyIds.contains(k.fields().get("keyId"))).toList();
            List<ProvenEvent> destructions = new ArrayList<>();
            for (ProvenEvent d : requestKeys.destroyed()) {
                if (first(destructions, "KeyDestroyed", "keyId", d.field("keyId")) == null) {
                    destructions.add(d);
                }
            }
            Map<String, ReceiptStatuses.Status> statuses = receiptSources.statuses(id, destructions);
            for (ProvenEvent k : registered) {
                String keyId = k.field("keyId");
                ProvenEvent destroyed = first(destructions, "KeyDestroyed", "keyId", keyId);
                timeline.add(new RequestCase.Step("key registered", k.time(), keyId, k));
                if (destroyed != null) {
                    timeline.add(new RequestCase.Step("key destroyed", destroyed.time(), keyId + "; receipt hash "
                            + destroyed.field("kmsDeletionReceiptHash"), destroyed));
                }
                ReceiptStatuses.Status status = destroyed == null
                        ? new ReceiptStatuses.Status(false, "no KeyDestroyed on the verified ledger")
                        : statuses.get(keyId);
                keys.add(new RequestCase.KeyRow(keyId, k, destroyed, status.verified(), status.words()));
            }
            for (ProvenEvent e : events) {
                if (e.name().equals("RecordSuperseded") && type == 2 && supersededOfSubject(events, e, keyIds)) {
                    supersedes.add(e);
                    timeline.add(new RequestCase.Step("record superseded", e.time(), e.field("oldRecordId")
                            + " → " + e.field("newRecordId"), e));
                }
            }
        }
        List<StoredFinding> findings = related(clinicId, id, keyIds);
        if (type == 1) {
            reads = laterReads(findings, keyIds);
            long readsCheckedTo = receiptSources.bundleVerifiedTo();
            List<ErasureVerdict.Key> verdictKeys = keys.stream().map(k -> new ErasureVerdict.Key(k.keyId(),
                    k.destroyed() == null ? null : k.destroyed().time(), k.receiptVerified(), k.receiptStatus(),
                    k.destroyed() != null && readsCheckedTo >= k.destroyed().block())).toList();
            boolean fulfilled = answer != null && answer.intField("outcome") == 0;
            verdict = ErasureVerdict.of(new ErasureVerdict.Facts(received.time(), deadline, answer == null ? null
                    : answer.time(), fulfilled, answer == null || fulfilled ? null : "as " + outcome
                    + " (legal ground " + answer.intField("legalGround") + ")", verdictKeys, reads, asOf));
        }
        timeline.sort((a, b) -> a.at().compareTo(b.at()));
        return Optional.of(new RequestCase(clinicId, id, subject, typeName(type), Regimes.regimeName(regime),
                received0, deadline, first, requestClock != null && extension != null
                && requestClock.extensionCounts(received0, extension.time()),
                answer == null ? null : answer.time(), outcome, timeline, keys, reads, verdict, supersedes, findings,
                history(clinicId, id), asOf));
    }

    /** Records a review (with a note), a close or a reopen of the case, on the trail; DPOs only. */
    @RolesAllowed(Roles.DPO)
    public CaseEvent record(String requestId, CaseEvent.Action action, String note) {
        String id = normal(requestId);
        String clinicId = clinicOf(id, null).orElseThrow(() -> new IllegalArgumentException(
                "no request " + requestId + " in your scope"));
        String text = note == null ? null : note.strip();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text != null && text.length() > CaseEvent.MAX_NOTE) {
            throw new IllegalArgumentException("the note is longer than " + CaseEvent.MAX_NOTE + " characters");
        }
        if (action == CaseEvent.Action.REVIEWED && text == null) {
            throw new IllegalArgumentException("a review needs a note");
        }
        boolean closed = CaseEvent.closed(history(clinicId, id));
        if (action == CaseEvent.Action.CLOSED && closed || action == CaseEvent.Action.REOPENED && !closed) {
            throw new IllegalArgumentException(closed ? "the case is already closed" : "the case is not closed");
        }
        if (action == CaseEvent.Action.REVIEWED && closed) {
            throw new IllegalArgumentException("the case is closed: reopen it to record a review");
        }
        CaseEvent event = new CaseEvent(clinicId, id, action, text, currentUser.getName(), clock.instant());
        em.persist(event);
        trail.record(new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()),
                scope.tokenClinic()), switch (action) {
                    case REVIEWED -> TrailAction.CASE_REVIEWED;
                    case CLOSED -> TrailAction.CASE_CLOSED;
                    case REOPENED -> TrailAction.CASE_REOPENED;
                }, "request", id, "clinic " + clinicId + (text == null ? "" : "; note: " + text));
        return event;
    }

    private List<CaseEvent> history(String clinicId, String requestId) {
        return em.createQuery("select c from CaseEvent c where c.clinicId = :clinic and c.requestId = :request "
                + "order by c.id", CaseEvent.class).setParameter("clinic", clinicId)
                .setParameter("request", requestId).getResultList();
    }

    /** Current findings about this request, its keys, or reads of its keys' records. */
    private List<StoredFinding> related(String clinicId, String requestId, Set<String> keyIds) {
        List<StoredFinding> out = new ArrayList<>();
        for (StoredFinding f : em.createQuery("select f from StoredFinding f where f.clinicId = :clinic and "
                + "f.current = true order by f.severity, f.ruleId, f.objectKey", StoredFinding.class)
                .setParameter("clinic", clinicId).getResultList()) {
            String key = f.getObjectKey();
            if (key.equals("requestId:" + requestId) || key.startsWith("keyId:")
                    && keyIds.contains(key.substring(6)) || key.startsWith("entry:")
                    && keyIds.contains(objects(f).path("keyId").asText())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Reads after a key's destruction, as GDPR-ER-02 found them in the clinic's last verified bundle. */
    private static List<ErasureVerdict.Access> laterReads(List<StoredFinding> findings, Set<String> keyIds) {
        List<ErasureVerdict.Access> out = new ArrayList<>();
        for (StoredFinding f : findings) {
            if (!f.getRuleId().equals("GDPR-ER-02") || !f.getObjectKey().startsWith("entry:")) {
                continue;
            }
            JsonNode o = objects(f);
            String key = o.path("keyId").asText();
            if (keyIds.contains(key) && f.getActual() != null) {
                out.add(new ErasureVerdict.Access(key, o.path("entry").asText(null), f.getActual()));
            }
        }
        return out;
    }

    private static boolean supersededOfSubject(List<ProvenEvent> events, ProvenEvent superseded,
                                               Set<String> keyIds) {
        ProvenEvent old = first(events, "RecordCommitted", "recordId", superseded.field("oldRecordId"));
        return old != null && keyIds.contains(old.fields().get("keyId"));
    }

    private Instant asOf() {
        return index.state().map(SyncState::getVerifiedNumber).flatMap(index::block).map(VerifiedBlock::getBlockTime)
                .orElse(clock.instant());
    }

    private static JsonNode objects(StoredFinding f) {
        try {
            return JSON.readTree(f.getObjectsJson());
        } catch (IOException e) {
            throw new IllegalStateException("finding " + f.getKey() + " has malformed stored objects", e);
        }
    }

    private static ProvenEvent first(List<ProvenEvent> events, String name, String field, String value) {
        for (ProvenEvent e : events) {
            if (e.name().equals(name) && value != null && value.equals(e.fields().get(field))) {
                return e;
            }
        }
        return null;
    }

    static String normal(String id) {
        if (id == null) {
            return null;
        }
        String t = id.trim().toLowerCase(Locale.ROOT);
        return ID.matcher(t).matches() ? t : null;
    }

    private static String typeName(int type) {
        return DsrRequestProjection.typeName(type);
    }

}
