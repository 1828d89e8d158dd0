/**
 * The DPO's workspace, its adapters: the request queue's JPA repository (table {@code dsr_request}, Flyway V10,
 * paging, filtering and sorting in the database) and the kept receipts' (table {@code dsr_receipt}, V11).
 * Translates only; holds no decision about time or scope.
 */
package org.custos.portal.dpo.infrastructure;
