/**
 * The DPO's workspace use cases: the requests queue, one request, its KMS receipts
 * ({@link org.custos.portal.dpo.application.ReceiptService}), case handling. Role checks and the clinic scope
 * ({@code ClinicScope}) are applied here, on the server; the web layer only calls these.
 */
package org.custos.portal.dpo.application;
