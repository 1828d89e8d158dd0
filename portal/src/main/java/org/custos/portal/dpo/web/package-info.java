/**
 * The DPO's pages under {@code /dpo/} and their includes, such as the KMS receipt upload of one request
 * ({@link org.custos.portal.dpo.web.ReceiptUploadBacking}). Backing beans only translate between the page and the
 * application services; scope and role checks are the services'.
 */
package org.custos.portal.dpo.web;
