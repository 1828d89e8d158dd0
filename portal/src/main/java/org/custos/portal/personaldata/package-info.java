/**
 * Personal data in on-chain bytes: {@link org.custos.portal.personaldata.PiiScanner}'s classifiers (e-mail, E.164
 * phone, NHS number, IBAN) and {@link org.custos.portal.personaldata.PayloadScanner}, which reads a payload's bytes
 * in the encodings people use and names where and what kind, never the data. A leaf package (no other portal
 * package): the ledger sync scans with it, the compliance rules classify event fields with it.
 */
package org.custos.portal.personaldata;
