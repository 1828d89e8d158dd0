/**
 * Rendering of reports to PDF/A-3b: embedded DejaVu fonts, XMP metadata, an sRGB output intent, the evidence JSON
 * as an associated file ({@code /AFRelationship /Data}), and the layout building blocks (title page, headings,
 * paragraphs, key-value blocks, tables that break across pages with repeated headers, page footers with the
 * report id, severity colours). Knows nothing of signing or verification; reads the time only from the injected
 * {@link java.time.Clock}.
 */
package org.custos.reports.render;
