package org.custos.portal.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.it.PortalBrowser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Screenshots of the portal's pages for docs/pages.md, taken from a running demo (scripts/screenshots.sh): signs in
 * as each demo user in its own browser and saves each page as {@code OUT/NAME.png}. Not a test: it asserts nothing
 * and runs only when asked.
 *
 * <p>Arguments: the output directory, then {@code user name path} triples.
 */
public final class PageScreenshots {

    private PageScreenshots() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || (args.length - 1) % 3 != 0) {
            throw new IllegalArgumentException("usage: OUT (USER NAME PATH)...");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<String, List<String[]>> byUser = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 3) {
            byUser.computeIfAbsent(args[i], u -> new ArrayList<>()).add(new String[] {args[i + 1], args[i + 2]});
        }
        for (Map.Entry<String, List<String[]>> user : byUser.entrySet()) {
            try (PortalBrowser b = new PortalBrowser()) {
                b.signIn(user.getKey(), "index.xhtml");
                for (String[] page : user.getValue()) {
                    b.open(page[1]);
                    b.waitForAjax();
                    // the whole page, up to a few screens: the window grows to the document's height
                    long height = ((Number) b.driver.executeScript(
                            "return document.documentElement.scrollHeight")).longValue();
                    b.driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 2400)));
                    Files.write(out.resolve(page[0] + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
                    System.out.println(page[0] + ".png: " + user.getKey() + " " + page[1]);
                }
            }
        }
    }
}
