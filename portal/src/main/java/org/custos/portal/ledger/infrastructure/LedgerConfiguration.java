package org.custos.portal.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@link LedgerSettings} from MicroProfile Config (environment variables, system properties) once. */
@ApplicationScoped
public class LedgerConfiguration {

    private volatile LedgerSettings settings;

    /** The settings; throws {@code LedgerConfigException} with a clear message when a value is wrong. */
    public LedgerSettings settings() {
        LedgerSettings s = settings;
        if (s == null) {
            Config config = ConfigProvider.getConfig(LedgerConfiguration.class.getClassLoader());
            s = LedgerSettings.from(key -> readable(config, key));
            settings = s;
        }
        return s;
    }

    private static Optional<String> readable(Config config, String key) {
        return config.getOptionalValue(key, String.class);
    }
}
