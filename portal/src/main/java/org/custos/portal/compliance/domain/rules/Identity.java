package org.custos.portal.compliance.domain.rules;

import org.custos.portal.evidence.domain.ProvenEvent;

/** The field that identifies the object an event is about. */
final class Identity {

    private Identity() {
    }

    static String primary(ProvenEvent e) {
        for (String f : new String[] {"disclosureId", "consentId", "recordId", "oldRecordId", "keyId", "requestId",
                "breachId", "docHash", "rootHash"}) {
            if (e.fields().containsKey(f)) {
                return f;
            }
        }
        return "clinicId";
    }
}
