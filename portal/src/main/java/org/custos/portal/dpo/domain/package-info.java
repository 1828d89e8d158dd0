/**
 * The DPO's workspace, its model: the data-subject request queue's rows ({@link org.custos.portal.dpo.domain.DsrRequest},
 * projected from proven events with {@link org.custos.portal.compliance.domain.RequestClock}), the queue's query and
 * the repository interface. Plain Java and JPA mappings; no service, page, container or UI framework.
 */
package org.custos.portal.dpo.domain;
