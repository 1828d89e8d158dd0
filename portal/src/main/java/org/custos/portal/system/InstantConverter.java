package org.custos.portal.system;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Shows every {@link Instant} in UTC to the second ({@code 2026-11-21 10:15:30 UTC}); the portal's one time format. */
@FacesConverter(forClass = Instant.class)
public class InstantConverter implements Converter<Instant> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FORMAT.parse(value.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new ConverterException("not a time in the form 2026-11-21 10:15:30 UTC: " + value, e);
        }
    }
}
