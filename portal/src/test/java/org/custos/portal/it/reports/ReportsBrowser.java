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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium on the real portal and the real Keycloak login, as {@code it.PortalBrowser} drives it
 * (same flags, fresh profile per user, waits on elements and the PrimeFaces ajax queue, never sleeps), plus what the
 * report tests need: a download directory of its own (downloads allowed, PDFs saved rather than shown) and
 * {@link #download}, which waits for a finished file.
 */
final class ReportsBrowser implements AutoCloseable {

    static final String BASE = "http://localhost:" + System.getProperty("custos.it.port", "18080") + "/custos/";

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final WebDriverWait wait;

    ReportsBrowser() {
        try {
            profile = Files.createTempDirectory("custos-chromium-");
            downloads = Files.createTempDirectory("custos-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("custos.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                "plugins.always_open_pdf_externally", true, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("custos.chromedriver",
                        "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + abbreviate(bodyText()));
    }

    /** Opens {@code path} (relative to the portal) and signs in on Keycloak's form. */
    void signIn(String user, String path) {
        driver.get(BASE + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password());
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(BASE) && !d.findElements(By.id("footer")).isEmpty());
    }

    void open(String path) {
        driver.get(BASE + path);
        wait.until(d -> !d.findElements(By.id("footer")).isEmpty() || !d.findElements(By.id("username")).isEmpty());
    }

    /** Clicks {@code id} (scrolled to the middle of the window, clear of the fixed footer) and waits for ajax. */
    void click(String id) {
        WebElement e = visible(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
        waitForAjax();
    }

    void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofSeconds(1))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + abbreviate(bodyText()))
                .until(condition);
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The text of the visible element {@code id}, found again if an update replaced it while it was read. */
    String text(String id) {
        return wait.until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
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
    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        if (!"input".equals(field.getTagName()) && !"textarea".equals(field.getTagName())) {
            field = field.findElement(By.cssSelector("input, textarea"));
        }
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses {@code file} in the file input {@code id}, or in the file input inside the component {@code id}. */
    void chooseFile(String id, Path file) {
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

    /** Saves what the browser shows as target/screenshots/NAME.png, for people to look at. */
    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() {
        return driver.getPageSource();
    }

    private String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    static String password() {
        String pw = System.getenv("CUSTOS_DEMO_PASSWORD");
        if (pw == null || pw.isBlank()) {
            throw new IllegalStateException("CUSTOS_DEMO_PASSWORD is not set: run the tests with scripts/test.sh");
        }
        return pw;
    }

    @Override
    public void close() {
        driver.quit();
        for (Path dir : List.of(profile, downloads)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }
}
