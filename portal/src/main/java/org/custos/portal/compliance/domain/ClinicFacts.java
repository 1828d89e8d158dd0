package org.custos.portal.compliance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.custos.verify.Hex;

/**
 * Everything the rules may use for one clinic: its proven events in chain order (indexed by name), the regimes
 * from its latest profile event, its verified bundle if one was uploaded, and the evaluation time {@code asOf}
 * (the block time of the newest verified block: deadlines that have not passed by then are not findings).
 */
public final class ClinicFacts {

    private final String clinicId;
    private final Regimes regimes;
    private final ProvenEvent profile;
    private final List<ProvenEvent> events;
    private final Map<String, List<ProvenEvent>> byName = new HashMap<>();
    private final EvidenceBundle bundle;
    private final BundleVerification verification;
    private final Instant asOf;
    private List<PersonalDataHit> personalData = List.of();

    /**
     * The scope of ledger-wide personal-data findings whose transaction no clinic's registered writer sent: visible
     * to regulators only (compliance officers and DPOs are restricted to their own clinic's id, which this never
     * is: it is not hex, so no on-chain clinic id can equal it). 66 characters, like a clinic id.
     */
    public static final String CONSORTIUM = "0xconsortium" + "0".repeat(54);

    public ClinicFacts(String clinicId, List<ProvenEvent> events, EvidenceBundle bundle,
                       BundleVerification verification, Instant asOf) {
        this.clinicId = clinicId;
        this.events = List.copyOf(events);
        this.bundle = bundle;
        this.verification = verification;
        this.asOf = asOf;
        Regimes r = null;
        ProvenEvent p = null;
        for (ProvenEvent e : events) {
            byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
            if (e.name().equals("ClinicAdmitted") || e.name().equals("ClinicUpdated")) {
                r = Regimes.of(e.intField("jurisdiction"), Boolean.parseBoolean(e.field("hipaaCoveredEntity")));
                p = e;
            }
        }
        this.regimes = r;
        this.profile = p;
    }

    public String clinicId() {
        return clinicId;
    }

    /** The facts of the consortium scope: no events, only the personal data no clinic's writer sent. */
    public static ClinicFacts consortium(List<PersonalDataHit> unattributed, Instant asOf) {
        return new ClinicFacts(CONSORTIUM, List.of(), null, null, asOf).withPersonalData(unattributed);
    }

    /**
     * These facts with the ledger-wide scan's hits attributed to this clinic ({@link PersonalDataScope}), in chain
     * order. Without this call a clinic has none (and the rules judge its events only).
     */
    public ClinicFacts withPersonalData(List<PersonalDataHit> hits) {
        this.personalData = List.copyOf(hits);
        return this;
    }

    /** The ledger-wide scan's hits attributed to this clinic (or, for {@link #CONSORTIUM}, to no clinic). */
    public List<PersonalDataHit> personalData() {
        return personalData;
    }

    /** Empty when the clinic has no profile event yet (no rule applies then). */
    public Optional<Regimes> regimes() {
        return Optional.ofNullable(regimes);
    }

    /** The latest ClinicAdmitted/ClinicUpdated, the evidence of {@link #regimes()}. */
    public Optional<ProvenEvent> profileEvent() {
        return Optional.ofNullable(profile);
    }

    public List<ProvenEvent> events() {
        return events;
    }

    public List<ProvenEvent> events(String name) {
        return Collections.unmodifiableList(byName.getOrDefault(name, List.of()));
    }

    public Instant asOf() {
        return asOf;
    }

    public boolean hasBundle() {
        return bundle != null && verification != null;
    }

    public EvidenceBundle bundle() {
        return bundle;
    }

    public BundleVerification verification() {
        return verification;
    }

    /**
     * Evidence for access-log entry {@code index}: its RFC 9162 inclusion path under the first anchored checkpoint
     * covering it, and whether that path verifies against the anchored root.
     */
    public EvidenceRef entryEvidence(int index) {
        for (BundleVerification.CheckpointCheck c : verification.checkpoints()) {
            if (c.treeSize() > index && c.status() != BundleVerification.RootStatus.SHORT) {
                List<String> path = bundle.leaves().inclusionPath(index, c.treeSize()).stream()
                        .map(Hex::encodePrefixed).toList();
                return EvidenceRef.entry(EvidenceBundle.entryPath(index), c.treeSize(), c.anchoredRoot(), path,
                        c.status() == BundleVerification.RootStatus.MATCH, bundle.sha256(),
                        Hex.encodePrefixed(bundle.leaves().leaf(index)), entryBytes(index));
            }
        }
        return EvidenceRef.file("entry", EvidenceBundle.entryPath(index), bundle.sha256());
    }

    private String entryBytes(int index) {
        byte[] entry = bundle.leaves().entry(index);
        return entry == null ? null : Hex.encodePrefixed(entry);
    }

    /** The proven checkpoint event that first covers entry {@code index}, if any. */
    public Optional<ProvenEvent> coveringCheckpoint(int index) {
        return verification.checkpoints().stream().filter(c -> c.treeSize() > index).findFirst()
                .map(BundleVerification.CheckpointCheck::event);
    }
}
