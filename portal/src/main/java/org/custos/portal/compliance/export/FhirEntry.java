package org.custos.portal.compliance.export;

import org.hl7.fhir.r4.model.Resource;

/** One entry of an exported Bundle: its {@code fullUrl} (a {@code urn:uuid:}) and its resource. */
public record FhirEntry(String fullUrl, Resource resource) {
}
