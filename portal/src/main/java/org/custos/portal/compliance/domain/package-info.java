/**
 * The compliance rules engine: clinic facts (proven events, verified bundle, evaluation time), findings with stable
 * keys and their proofs, exact deadline arithmetic, the PII scanner, stored findings and their merge. Plain Java.
 */
package org.custos.portal.compliance.domain;
