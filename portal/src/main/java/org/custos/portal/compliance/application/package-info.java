/** Findings for the pages (clinic scope in the queries), regulator status changes to the trail, re-evaluation. */
package org.custos.portal.compliance.application;
