/** One class per catalogue rule (../shared/docs/compliance-catalogue.md ids), listed in docs/rules.md. */
package org.custos.portal.compliance.domain.rules;
