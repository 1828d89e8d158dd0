package org.custos.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driving the real portal and the real Keycloak login form. One browser per user
 * session (a fresh profile: no cookies shared between users). Waits on page elements and on the PrimeFaces
 * ajax queue, never on sleeps. Public for the tests of other packages (the reports' browser adds downloads to it).
 */
public class PortalBrowser implements AutoCloseable {

    public static final String BASE = "http://localhost:" + System.getProperty("custos.it.port", "18080") + "/custos/";

    public final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    public PortalBrowser() {
        this(options -> { });
    }

    /** With {@code extra} applied to the options after the common ones (e.g. download preferences). */
    protected PortalBrowser(Consumer<ChromeOptions> extra) {
        try {
            profile = Files.createTempDirectory("custos-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("custos.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        extra.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("custos.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // pages that poll (the ledger page while it syncs) replace their elements: a read that loses the race to
        // an update is retried on the new element
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        // a failed wait says where the browser was and what it showed
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + abbreviate(bodyText()));
    }

    /** Opens {@code path} (relative to the portal) and signs in on Keycloak's form when it appears. */
    public void signIn(String user, String path) {
        driver.get(BASE + path);
        signInOnForm(user);
    }

    /** Signs in on the Keycloak form the browser shows or is about to show, and waits for the portal's page. */
    public void signInOnForm(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password());
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(BASE) && !d.findElements(By.id("footer")).isEmpty());
    }

    public void open(String path) {
        driver.get(BASE + path);
        wait.until(d -> !d.findElements(By.id("footer")).isEmpty() || !d.findElements(By.id("username")).isEmpty());
    }

    public void signOut() {
        driver.findElement(By.id("signOut")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signedOutTitle")));
    }

    public void click(String id) {
        driver.findElement(By.id(id)).click();
        waitForAjax();
    }

    /** Polls {@code condition} (which may act, e.g. reload) until it holds or {@code timeout} passes. */
    public void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        waitUntil(timeout, Duration.ofSeconds(2), condition);
    }

    /** Polls {@code condition} every {@code poll} until it holds or {@code timeout} passes. */
    public void waitUntil(Duration timeout, Duration poll, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, poll)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + abbreviate(bodyText()))
                .until(condition);
    }

    public void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    public WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The text of the visible element {@code id}, found again if a poll replaced it while it was read. */
    public String text(String id) {
        return wait.until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    /** Saves what the browser shows as target/screenshots/NAME.png, for people to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses {@code file} in the PrimeFaces file upload {@code uploadId} (its file input); auto upload starts. */
    public void chooseFile(String uploadId, Path file) {
        driver.findElement(By.cssSelector("[id='" + uploadId + "'] input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Selects {@code value} in the PrimeFaces selectOneMenu {@code id} through its widget (the same change event
     * and ajax as a click on the item; the overlay panel's items proved unreliable to click headless), then waits
     * for ajax and for the menu to show it.
     */
    public void selectOne(String id, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]); w.triggerChange();",
                id, value);
        waitForAjax();
        wait.until(d -> value.equals(d.findElement(By.id(id + "_label")).getText()));
    }

    /** Scrolls {@code id} to the middle of the window (clear of the fixed footer), clicks it, waits for ajax. */
    public void clickCentred(String id) {
        scrolledTo(id).click();
        waitForAjax();
    }

    protected WebElement scrolledTo(String id) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        return e;
    }

    /** Types {@code text} into the field {@code id}, replacing what it held. */
    public void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits up to {@code timeout} for the element {@code id} to show. */
    public WebElement visible(String id, Duration timeout) {
        return new WebDriverWait(driver, timeout)
                .withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + abbreviate(bodyText()))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    public boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String source() {
        return driver.getPageSource();
    }

    protected String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getClass().getSimpleName() + ")";
        }
    }

    protected static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    public static String password() {
        String pw = System.getenv("CUSTOS_DEMO_PASSWORD");
        if (pw == null || pw.isBlank()) {
            throw new IllegalStateException("CUSTOS_DEMO_PASSWORD is not set: run the tests with scripts/test.sh");
        }
        return pw;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
