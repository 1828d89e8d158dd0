package org.custos.portal.it.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.portal.it.PortalBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * {@link PortalBrowser} (headless Debian Chromium on the real portal and the real Keycloak login: same flags, fresh
 * profile per user, sign-in, waits on elements and the PrimeFaces ajax queue, never sleeps), plus what the report
 * tests need: a download directory of its own (downloads allowed, PDFs saved rather than shown) and
 * {@link #download}, which waits for a finished file; clicks scroll the element clear of the fixed footer first.
 */
final class ReportsBrowser extends PortalBrowser {

    final Path downloads;

    ReportsBrowser() {
        this(temporaryDirectory("custos-downloads-"));
    }

    private ReportsBrowser(Path downloads) {
        super(options -> options.setExperimentalOption("prefs", Map.of("download.default_directory",
                downloads.toString(), "download.prompt_for_download", false, "download.directory_upgrade", true,
                "plugins.always_open_pdf_externally", true, "safebrowsing.enabled", false)));
        this.downloads = downloads;
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks {@code id} once visible, scrolled to the middle of the window (clear of the fixed footer). */
    @Override
    public void click(String id) {
        visible(id);
        clickCentred(id);
    }

    /** Polls {@code condition} every second until it holds or {@code timeout} passes. */
    @Override
    public void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        waitUntil(timeout, Duration.ofSeconds(1), condition);
    }

    boolean shown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /**
     * Chooses {@code value} in the select {@code id}: a PrimeFaces selectOneMenu through its widget (its hidden
     * {@code id_input} select marks it), else a plain HTML select; waits for the ajax it triggers.
     */
    void select(String id, String value) {
        visible(id);
        if (present(id + "_input")) {
            ((JavascriptExecutor) driver).executeScript(
                    "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]); w.triggerChange();",
                    id, value);
        } else {
            new Select(driver.findElement(By.id(id))).selectByValue(value);
        }
        waitForAjax();
    }

    /** Types {@code text} into the field {@code id} (or the input inside the component {@code id}). */
    @Override
    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        if (!"input".equals(field.getTagName()) && !"textarea".equals(field.getTagName())) {
            field = field.findElement(By.cssSelector("input, textarea"));
        }
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses {@code file} in the file input {@code id}, or in the file input inside the component {@code id}. */
    @Override
    public void chooseFile(String id, Path file) {
        List<WebElement> inputs = driver.findElements(By.cssSelector("input[type=file][id='" + id + "']"));
        if (inputs.isEmpty()) {
            inputs = driver.findElements(By.cssSelector("[id='" + id + "'] input[type=file], input[type=file][id='"
                    + id + "_input']"));
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("no file input " + id + " at " + driver.getCurrentUrl());
        }
        inputs.get(0).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Runs {@code action} (a click on a download link) and returns the file {@code name} once Chromium has finished
     * writing it into this browser's download directory (no {@code .crdownload} left). A file already there is
     * deleted first, so the one returned is the new download.
     */
    Path download(Runnable action, String name, Duration timeout) {
        Path file = downloads.resolve(name);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        action.run();
        waitUntil(timeout, d -> Files.isRegularFile(file) && !partialDownloads());
        return file;
    }

    private boolean partialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        super.close();
        try (Stream<Path> files = Files.walk(downloads)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
