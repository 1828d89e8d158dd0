package org.custos.portal.ledger.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.Locale;
import java.util.regex.Pattern;

/** An on-chain clinic id from a request parameter: {@code 0x} and 64 hex digits, lower-cased; anything else is refused. */
@FacesConverter("custos.ClinicId")
public class ClinicIdConverter implements Converter<String> {

    private static final Pattern CLINIC_ID = Pattern.compile("0x[0-9a-f]{64}");

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.trim().toLowerCase(Locale.ROOT);
        if (!CLINIC_ID.matcher(id).matches()) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Not a clinic id: expected 0x and 64 hex digits.", null));
        }
        return id;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
