package org.custos.portal.it.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.custos.portal.it.PortalBrowser;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A {@link PortalBrowser} that keeps Chromium's console ({@code goog:loggingPrefs}), so a test can read what the
 * browser refused under the Content-Security-Policy: Chromium reports every blocked script, handler, eval, style
 * or load on the console ("Refused to ... because it violates the following Content Security Policy directive").
 */
final class CspBrowser extends PortalBrowser {

    /** Every console line read so far, with the page it was logged on. */
    private final List<String> console = new ArrayList<>();

    CspBrowser() {
        super(options -> options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")));
    }

    /** The console lines since the last call (Chromium hands each line out once), kept in {@link #console()}. */
    List<String> drain() {
        List<String> fresh = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            fresh.add(e.getLevel() + " " + e.getMessage());
        }
        console.addAll(fresh);
        return fresh;
    }

    List<String> console() {
        drain();
        return List.copyOf(console);
    }

    /** The lines that report a Content-Security-Policy violation (or a malformed policy). */
    static List<String> violations(List<String> lines) {
        return lines.stream().filter(l -> l.contains("Content Security Policy") || l.contains("Content-Security-Policy")).toList();
    }

    /** The lines that report a Permissions-Policy the browser could not read (an unknown feature name). */
    static List<String> permissionsPolicyErrors(List<String> lines) {
        return lines.stream().filter(l -> l.contains("Permissions-Policy") || l.contains("Permissions policy")).toList();
    }

    static boolean severe(String line) {
        return line.startsWith(Level.SEVERE.getName());
    }
}
