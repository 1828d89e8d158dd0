/**
 * Adapters of the DPO's workspace: its tables in the portal's database (requests, kept KMS receipts, cases).
 * Translate only: the decisions live in the domain and the application services.
 */
package org.custos.portal.dpo.infrastructure;
