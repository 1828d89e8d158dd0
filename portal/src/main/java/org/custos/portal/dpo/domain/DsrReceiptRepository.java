package org.custos.portal.dpo.domain;

import java.util.List;

/**
 * The kept receipts of data-subject requests. {@code scopeClinic} is the caller's query scope
 * ({@code ClinicScope.queryScope()}): null for every clinic, else only that clinic's rows.
 */
public interface DsrReceiptRepository {

    /** Stores a verified receipt in the caller's transaction (its id is assigned by the database). */
    void store(DsrReceipt receipt);

    /** Whether this clinic's request already keeps a receipt of this key with this SHA-256. */
    boolean exists(String clinicId, String requestId, String keyId, String sha256);

    /** The request's kept receipts in upload order, only those in scope. */
    List<DsrReceipt> of(String requestId, String scopeClinic);
}
