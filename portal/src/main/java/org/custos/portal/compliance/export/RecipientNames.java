package org.custos.portal.compliance.export;

import java.util.Locale;
import java.util.Set;
import org.custos.portal.ledger.domain.ClinicDirectory;

/**
 * Who a disclosure's {@code recipientId} is. The chain keeps recipients as opaque bytes32 ids; the consortium
 * registers only its clinics, so a recipient whose id is a consortium clinic (admitted on chain, or named in the
 * regulator's clinic register) is named as a clinic ({@link ClinicDirectory#name}); any other recipient is an
 * unregistered recipient whose id is kept as on chain (the disclosing clinic resolves it off-chain).
 */
public final class RecipientNames {

    /** What an unregistered recipient is called (its id stays in {@code recipient_id}). */
    public static final String UNREGISTERED = "unregistered recipient";

    private final ClinicDirectory directory;
    private final Set<String> consortiumClinics;

    public RecipientNames(ClinicDirectory directory, Set<String> consortiumClinics) {
        this.directory = directory;
        this.consortiumClinics = Set.copyOf(consortiumClinics);
    }

    /** No registry known: every recipient is unregistered. */
    public static RecipientNames none() {
        return new RecipientNames(ClinicDirectory.empty(), Set.of());
    }

    /** Whether the consortium registers this recipient (one of its clinics). */
    public boolean registered(String recipientId) {
        if (recipientId == null) {
            return false;
        }
        String id = recipientId.toLowerCase(Locale.ROOT);
        return consortiumClinics.contains(id) || directory.configuredName(id).isPresent();
    }

    /** The recipient's name (a consortium clinic's), else {@value #UNREGISTERED}. */
    public String name(String recipientId) {
        return registered(recipientId) ? directory.name(recipientId.toLowerCase(Locale.ROOT)) : UNREGISTERED;
    }
}
