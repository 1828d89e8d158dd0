/**
 * The DPO's workspace, its services: the request queue in the caller's clinic scope
 * ({@link org.custos.portal.security.ClinicScope}: regulators any clinic, compliance officers and DPOs their own;
 * another clinic's request is not found). Pages and servlets call these; they hold no scope decision themselves.
 */
package org.custos.portal.dpo.application;
