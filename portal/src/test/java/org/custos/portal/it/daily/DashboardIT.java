package org.custos.portal.it.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The findings dashboard as people use it all day (issue 16 items 3, 12, 15), in headless Chromium against the
 * portal syncing the demo fixture from anvil, with no bundle uploaded: the on-chain rules alone give the fixture's
 * HIPAA-AOD-01 (clinic-south, a US covered entity) and GDPR-MIN-01 (clinic-north, EU) findings, whose acts are from
 * 2025 although they are found today. A regulator opens a bookmarked URL and sees the filtered table, the filter
 * controls set, the findings in the months of their acts, and reorders the table by a header; bad parameters are
 * named on the page; clinic-north's officer is offered no HIPAA rule and an accounting labelled GDPR Art 15(1)(c);
 * the regulator's accounting of a clinic-south subject is labelled HIPAA and downloads with recipient names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Duration EVALUATED = Duration.ofMinutes(3);
    /** Date, Severity, Rule, Clinic, Finding, Status, Current. */
    private static final int RULE_COLUMN = 3;
    private static final int STATUS_COLUMN = 6;

    private static Anvil anvil;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        config.put("custos.clinic.names", chain.clinicIds.get(0) + "=North Clinic;" + chain.clinicIds.get(1)
                + "=South Clinic");
        return Deployments.portalWar(config, "the demo's ledger settings for this test's anvil, with clinic names");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
    void aBookmarkedUrlShowsTheFilteredTableInTheMonthsOfTheActsAndAHeaderReordersIt() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        List<String> planted = plantedTimes("HIPAA-AOD-01", south);
        String bookmark = "compliance/findings.xhtml?rule=HIPAA-AOD-01&clinic=" + south
                + "&current=true&sort=date&dir=asc";
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", bookmark);
            awaitTotal(b, bookmark, planted.size());

            // the filter controls show what the URL says
            assertEquals("HIPAA-AOD-01", selected(b, "rule"));
            assertEquals(south, selected(b, "clinic"));
            assertEquals("South Clinic", new Select(b.driver.findElement(By.id("clinic")))
                    .getFirstSelectedOption().getText());
            assertEquals("true", selected(b, "current"));
            assertEquals(planted.size() == 1 ? "finding" : "findings", b.text("findingsForm:totalNoun"));

            // the table: only that rule and clinic, the clinic by name with its id on hover, oldest act first
            List<WebElement> rows = rows(b);
            assertEquals(planted.size(), rows.size());
            for (WebElement row : rows) {
                assertEquals("HIPAA-AOD-01", cell(row, RULE_COLUMN));
                WebElement clinic = row.findElement(By.cssSelector(".custos-clinic-name"));
                assertEquals("South Clinic", clinic.getText());
                assertEquals(south, clinic.getAttribute("title"));
            }
            List<String> dates = dates(b);
            assertEquals(planted.stream().map(DashboardIT::portalTime).sorted().toList(), dates);
            assertTrue(dates.get(0).startsWith("2025-"), dates.toString());

            // the month chart: each finding in the month of its act (2025), none in the month it was found
            assertEquals(plantedMonths(planted), monthBars(b));
            assertFalse(b.text("monthBars").contains("2026-"), b.text("monthBars"));
            b.screenshot("dashboard-bookmarked-regulator");

            // a click on the Date header turns the order round, and the URL says so
            clickLink(b, "findingsForm:findings:sort_date");
            b.visible("findingsForm:total");
            assertTrue(b.url().contains("sort=date&dir=desc"), b.url());
            assertTrue(b.url().contains("rule=HIPAA-AOD-01"), b.url());
            List<String> newestFirst = new ArrayList<>(planted.stream().map(DashboardIT::portalTime).sorted().toList());
            java.util.Collections.reverse(newestFirst);
            assertEquals(newestFirst, dates(b));
            assertTrue(b.text("findingsForm:findings:sort_date").contains("\u25BC"));

            // the filter form is a GET form: what is chosen becomes the page's URL, the order is kept
            long open = column(b, STATUS_COLUMN).stream().filter("OPEN"::equals).count();
            new Select(b.driver.findElement(By.id("status"))).selectByValue("OPEN");
            clickLink(b, "apply");
            b.waitUntil(Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("status=OPEN"));
            // newest first is the default order, which the URL leaves out; the order is kept
            assertTrue(b.url().contains("rule=HIPAA-AOD-01") && !b.url().contains("sort="), b.url());
            assertEquals(Long.toString(open), b.text("findingsForm:total"));
            assertTrue(open > 0 && column(b, STATUS_COLUMN).stream().allMatch("OPEN"::equals),
                    column(b, STATUS_COLUMN).toString());
            List<String> openDates = dates(b);
            assertEquals(openDates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), openDates);
            assertEquals("OPEN", selected(b, "status"));
        }
    }

    @Test
    @Order(2)
    void sortingByAHeaderReordersTheWholeTable() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "compliance/findings.xhtml?current=true&sort=rule&dir=asc");
            List<String> ascending = column(b, RULE_COLUMN);
            assertTrue(ascending.size() > 1, ascending.toString());
            assertEquals(ascending.stream().sorted().toList(), ascending);
            clickLink(b, "findingsForm:findings:sort_rule");
            b.visible("findingsForm:total");
            assertTrue(b.url().contains("sort=rule&dir=desc"), b.url());
            List<String> descending = column(b, RULE_COLUMN);
            assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending);
            assertFalse(ascending.get(0).equals(descending.get(0)), "the order did not change");
        }
    }

    @Test
    @Order(3)
    void badParametersAreNamedOnThePageNotAnError() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "compliance/findings.xhtml?severity=S9&current=maybe&sort=summary;drop&dir=up"
                    + "&clinic=%3Cb%3Enorth%3C/b%3E");
            assertEquals("Findings", b.text("pageTitle"));
            String problems = b.text("filterProblems");
            assertTrue(problems.contains("Unknown severity \"S9\"") && problems.contains("\"current\" must be true")
                    && problems.contains("Cannot sort by \"summary;drop\"") && problems.contains("asc or desc")
                    && problems.contains("\"<b>north</b>\" is not a clinic id"), problems);
            assertFalse(b.source().contains("<b>north</b>"), "a parameter was echoed unescaped");
            assertTrue(Long.parseLong(b.text("findingsForm:total")) > 0, "the page still shows the findings");
        }
    }

    @Test
    @Order(4)
    void anEuOfficerIsOfferedNoHipaaRuleAndAnAccountingUnderGdprArticle15() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        List<String> planted = plantedTimes("GDPR-MIN-01", north);
        try (PortalBrowser b = new PortalBrowser()) {
            String url = "compliance/findings.xhtml?rule=GDPR-MIN-01&current=true";
            b.signIn("officer-north", url);
            awaitTotal(b, url, planted.size());
            List<String> rules = options(b, "rule");
            assertTrue(rules.contains("GDPR-MIN-01") && rules.contains("GDPR-ER-01"), rules.toString());
            assertFalse(rules.contains("HIPAA-AOD-01") || rules.contains("HIPAA-MIN-01"), rules.toString());
            assertFalse(b.present("clinic"), "an officer was offered the clinic filter");
            assertEquals(plantedMonths(planted), monthBars(b));

            String legal = b.text("accountingLegal");
            assertTrue(legal.contains("GDPR Art 15(1)(c)"), legal);
            assertFalse(legal.contains("HIPAA"), legal);
            assertFalse(options(b, "accountingSubject").isEmpty(), "no subject to pick at clinic-north");
            assertFalse(b.source().contains(chain.clinicIds.get(1)), "another clinic's id on the officer's page");
            b.screenshot("dashboard-officer-north");

            // a HIPAA rule in a shared link: named, and not applied
            b.open("compliance/findings.xhtml?rule=HIPAA-AOD-01&current=true");
            assertTrue(b.text("filterProblems").contains("Unknown rule \"HIPAA-AOD-01\""), b.text("filterProblems"));
            assertEquals("", selected(b, "rule"));
        }
    }

    @Test
    @Order(5)
    void theRegulatorPicksASouthSubjectAndGetsAHipaaAccountingWithRecipientsInWords() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "compliance/findings.xhtml?clinic=" + south + "&current=true");
            String legal = b.text("accountingLegal");
            assertTrue(legal.contains("HIPAA 45 CFR 164.528"), legal);
            assertFalse(legal.contains("GDPR"), legal);
            Select subjects = new Select(b.driver.findElement(By.id("accountingSubject")));
            WebElement first = subjects.getOptions().get(0);
            String subject = first.getAttribute("value");
            assertTrue(subject.matches("0x[0-9a-f]{64}"), subject);
            String label = first.getText();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("· (\\d+) disclosures? · last 2025-")
                    .matcher(label);
            assertTrue(m.find(), label);
            int count = Integer.parseInt(m.group(1));

            String csv = fetch(b, "compliance/export/disclosures.csv?subject=" + subject + "&clinic=" + south);
            String[] lines = csv.split("\r?\n"); // the CSV's CRLF may reach the test as LF through the driver
            assertTrue(lines[0].startsWith("date,subject_pseudonym,clinic_id,") && lines[0].endsWith(
                    ",block_url,clinic_name,recipient_name,recipient_registered"), lines[0]);
            assertEquals(count, lines.length - 1, csv);
            for (int i = 1; i < lines.length; i++) {
                assertTrue(lines[i].contains("," + south + ",") && lines[i].contains(",South Clinic,"), lines[i]);
                assertTrue(lines[i].endsWith(",unregistered recipient,false") || lines[i].endsWith(",true"),
                        lines[i]);
            }
        }
    }

    /** Reloads {@code path} until the on-chain evaluation has stored {@code expected} findings for it. */
    private static void awaitTotal(PortalBrowser b, String path, int expected) {
        b.waitUntil(EVALUATED, Duration.ofSeconds(3), d -> {
            if (b.present("findingsForm:total")
                    && Integer.toString(expected).equals(b.text("findingsForm:total"))) {
                return true;
            }
            b.open(path);
            return false;
        });
    }

    /**
     * Clicks a link or button as a user does, scrolled to the middle of the window first: the link must be visible
     * and take the click itself (a sort link hidden in PrimeFaces' accessible-only column title once passed this
     * test through a scripted click). Waits for the next page.
     */
    private static void clickLink(PortalBrowser b, String id) {
        WebElement e = b.driver.findElement(By.id(id));
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        assertTrue(e.isDisplayed() && e.getSize().getHeight() > 1 && e.getSize().getWidth() > 1,
                id + " is shown to the user");
        e.click();
        b.waitUntil(Duration.ofSeconds(30), d -> {
            try {
                e.isDisplayed();
                return false; // still the old page
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return b.present("findingsForm:total");
            }
        });
    }

    private static String selected(PortalBrowser b, String id) {
        return new Select(b.driver.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
    }

    private static List<String> options(PortalBrowser b, String id) {
        return new Select(b.driver.findElement(By.id(id))).getOptions().stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    }

    private static List<WebElement> rows(PortalBrowser b) {
        return b.driver.findElements(By.cssSelector("[id='findingsForm:findings'] tbody tr[data-ri]"));
    }

    /** The text of column {@code index} (1-based) of every row on the page. */
    private static List<String> column(PortalBrowser b, int index) {
        return rows(b).stream().map(r -> cell(r, index)).toList();
    }

    private static String cell(WebElement row, int index) {
        return row.findElement(By.cssSelector("td:nth-child(" + index + ")")).getText().strip();
    }

    private static List<String> dates(PortalBrowser b) {
        return b.driver.findElements(By.cssSelector("[id='findingsForm:findings'] .custos-act-time")).stream()
                .map(WebElement::getText).toList();
    }

    /** The month chart as label → count. */
    private static TreeMap<String, Long> monthBars(PortalBrowser b) {
        TreeMap<String, Long> bars = new TreeMap<>();
        for (WebElement tr : b.driver.findElements(By.cssSelector("#monthBars tr"))) {
            bars.put(tr.findElement(By.cssSelector(".custos-bar-label")).getText(),
                    Long.parseLong(tr.findElement(By.cssSelector(".custos-bar-count")).getText()));
        }
        return bars;
    }

    /** A same-origin GET in the signed-in browser (its session), the body as text. */
    private static String fetch(PortalBrowser b, String path) {
        Object body = ((JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.status === 200 ? r.text()"
                        + " : 'HTTP ' + r.status).then(done, e => done('failed: ' + e));",
                PortalBrowser.BASE + path);
        return String.valueOf(body);
    }

    /** 2025-01-22T02:00:01Z as the portal shows times. */
    private static String portalTime(String iso) {
        return iso.substring(0, 10) + " " + iso.substring(11, 19) + " UTC";
    }

    private static TreeMap<String, Long> plantedMonths(List<String> times) {
        TreeMap<String, Long> months = new TreeMap<>();
        times.forEach(t -> months.merge(t.substring(0, 7), 1L, Long::sum));
        return months;
    }

    /**
     * The block times of the fixture's findings of {@code rule} at {@code clinic}: its planted violations (ground
     * truth) and its ledger-wide hits.
     */
    private static List<String> plantedTimes(String rule, String clinic) throws Exception {
        JsonNode truth = new ObjectMapper().readTree(Path.of(System.getProperty("custos.fixture.dir",
                "../consortium/fixtures/demo")).resolve("ground-truth.json").toFile());
        List<String> times = new ArrayList<>();
        for (JsonNode v : truth.get("violations")) {
            if (v.get("rule").asText().equals(rule) && v.get("clinic").asText().equals(clinic)) {
                times.add(v.get("transactions").get(0).get("time").asText());
            }
        }
        // the ledger-wide scan's findings of the rule attributed to the clinic (GDPR-MIN-01: cleartext in the
        // inputs and logs of the clinic's transactions), one per place
        JsonNode ledgerWide = new ObjectMapper().readTree(Path.of(System.getProperty("custos.fixture.dir",
                "../consortium/fixtures/demo")).resolve("ledger-wide.json").toFile());
        for (JsonNode h : ledgerWide.get("findings")) {
            if (h.get("rule").asText().equals(rule) && h.get("clinic").asText().equals(clinic)) {
                times.add(h.get("time").asText());
            }
        }
        if (times.isEmpty()) {
            throw new IllegalStateException("the fixture plants no " + rule + " at " + clinic);
        }
        return times;
    }
}
