/** Bundle uploads for the pages: role and clinic scope, verification, rules, storage and trail in one transaction. */
package org.custos.portal.evidence.application;
