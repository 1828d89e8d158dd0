package org.custos.portal.compliance.export;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/** FHIR times in UTC to the second, the precision of block times, whatever the server's time zone. */
final class FhirTimes {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirTimes() {
    }

    static InstantType instant(Instant t) {
        return new InstantType(Date.from(t), TemporalPrecisionEnum.SECOND, UTC);
    }

    static DateTimeType dateTime(Instant t) {
        return new DateTimeType(Date.from(t), TemporalPrecisionEnum.SECOND, UTC);
    }
}
