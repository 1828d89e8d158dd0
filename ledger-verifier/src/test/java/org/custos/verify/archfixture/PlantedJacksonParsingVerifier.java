package org.custos.verify.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A planted violation: a "verifier" in the core namespace that parses JSON with Jackson itself. */
public final class PlantedJacksonParsingVerifier {

    private PlantedJacksonParsingVerifier() {
    }

    public static Object parse(String json) throws IOException {
        return new ObjectMapper().readValue(json, Object.class);
    }
}
