package org.custos.portal.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@link LedgerSettings} and the nodes' {@link NodeTransport} (limits, deadline, TLS trust, credentials) from
 * MicroProfile Config (environment variables, system properties) once.
 */
@ApplicationScoped
public class LedgerConfiguration {

    private volatile LedgerSettings settings;
    private volatile NodeTransport transport;

    /** The settings; throws {@code LedgerConfigException} with a clear message when a value is wrong. */
    public LedgerSettings settings() {
        LedgerSettings s = settings;
        if (s == null) {
            s = LedgerSettings.from(LedgerConfiguration::readable);
            settings = s;
        }
        return s;
    }

    /** How the nodes are reached; throws {@code LedgerConfigException} with a clear message when a value is wrong. */
    public NodeTransport transport() {
        NodeTransport t = transport;
        if (t == null) {
            t = NodeTransport.from(settings(), LedgerConfiguration::readable);
            transport = t;
        }
        return t;
    }

    private static Optional<String> readable(String key) {
        Config config = ConfigProvider.getConfig(LedgerConfiguration.class.getClassLoader());
        return config.getOptionalValue(key, String.class);
    }
}
