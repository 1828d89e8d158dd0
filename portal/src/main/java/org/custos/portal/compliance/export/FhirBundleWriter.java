package org.custos.portal.compliance.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Streams a FHIR R4 Bundle of type {@code collection}: the envelope ({@code resourceType}, {@code id},
 * {@code type}, {@code timestamp}, {@code entry} with {@code fullUrl}) is written as it goes, and every resource
 * is encoded by HAPI FHIR's JSON parser, never by hand. The result parses with HAPI as one Bundle (tested), but
 * the export never holds more than one entry's resource in memory.
 */
public final class FhirBundleWriter implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final IParser parser;
    private final JsonGenerator out;
    private int entries;

    /** Writes the envelope's head; {@code timestamp} is when the export was assembled. */
    public FhirBundleWriter(FhirContext fhir, OutputStream out, Instant timestamp) throws IOException {
        this.parser = fhir.newJsonParser().setPrettyPrint(false);
        this.out = JSON.createGenerator(out, JsonEncoding.UTF8);
        this.out.writeStartObject();
        this.out.writeStringField("resourceType", "Bundle");
        this.out.writeStringField("id", UUID.randomUUID().toString());
        this.out.writeStringField("type", "collection");
        this.out.writeStringField("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    public void add(FhirEntry entry) throws IOException {
        if (entries == 0) {
            out.writeArrayFieldStart("entry");
        }
        out.writeStartObject();
        out.writeStringField("fullUrl", entry.fullUrl());
        out.writeFieldName("resource");
        out.writeRawValue(parser.encodeResourceToString(entry.resource()));
        out.writeEndObject();
        entries++;
    }

    public int entries() {
        return entries;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the entry list (FHIR JSON has no empty arrays: none without entries) and the Bundle; closes the stream. */
    @Override
    public void close() throws IOException {
        if (entries > 0) {
            out.writeEndArray();
        }
        out.writeEndObject();
        out.close();
    }
}
