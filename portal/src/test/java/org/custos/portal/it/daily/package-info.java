/**
 * Browser tests of the portal in daily use (issue 16), each asserting what a user sees and the HTTP status they get:
 * uploads and the trail ({@code UploadAndTrailIT}), one finding's history and dialogue ({@code FindingDialogueIT}),
 * the findings dashboard ({@code DashboardIT}), the ledger pages' words and status codes ({@code LedgerWordsIT}).
 */
package org.custos.portal.it.daily;
