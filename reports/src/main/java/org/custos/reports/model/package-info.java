/**
 * The report model: plain, immutable records that say what a report states. No PDF, no I/O, no clock: the
 * caller fills them from verified data. Text in them may come from the ledger and is untrusted; the renderer
 * treats it as plain text.
 */
package org.custos.reports.model;
