/**
 * The DPO's pages ({@code /dpo/*.xhtml}), their includes (the KMS receipt upload of one request,
 * {@link org.custos.portal.dpo.web.ReceiptUploadBacking}) and the queue's CSV download ({@code /dpo/requests.csv}).
 * Backing beans and the servlet call the {@code dpo.application} services, which scope every query; they hold no
 * decision about who sees what. Must not depend on the infrastructure packages.
 */
package org.custos.portal.dpo.web;
