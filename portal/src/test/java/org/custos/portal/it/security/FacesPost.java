package org.custos.portal.it.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A Faces form POST as the browser sends it, built from the page a session was served: the form's own fields (as
 * jsoup reads them), what the test fills in, and the pressed button (PrimeFaces ajax or a plain submit), with the
 * session's {@code jakarta.faces.ViewState}, without it, or with another session's.
 */
final class FacesPost {

    static final String VIEW_STATE = "jakarta.faces.ViewState";

    final String page;
    final String formId;
    final Map<String, String> fields = new LinkedHashMap<>();

    private FacesPost(String page, String formId) {
        this.page = page;
        this.formId = formId;
    }

    /** The form {@code formId} of {@code html} (served at {@code page}); null when the page has no such form. */
    static FacesPost of(String page, String html, String formId) {
        Document doc = Jsoup.parse(html, SignedInHttp.uri(page).toString());
        Element form = doc.getElementById(formId);
        if (!(form instanceof FormElement f)) {
            return null;
        }
        FacesPost post = new FacesPost(page, formId);
        f.formData().forEach(kv -> post.fields.putIfAbsent(kv.key(), kv.value()));
        // the form's own subtree too: the HTML parser may take fields out of a form it finds misnested
        for (Element e : f.select("input[name], textarea[name], select[name]")) {
            String type = e.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (e.tagName().equals("input") && (List.of("submit", "button", "file", "image", "reset").contains(type)
                    || List.of("checkbox", "radio").contains(type) && !e.hasAttr("checked"))) {
                continue;
            }
            String value = e.tagName().equals("textarea") ? e.text() : e.tagName().equals("select")
                    ? Optional.ofNullable(e.selectFirst("option[selected]")).or(() -> Optional.ofNullable(
                            e.selectFirst("option"))).map(o -> o.attr("value")).orElse("") : e.val();
            post.fields.putIfAbsent(e.attr("name"), value);
        }
        if (!post.fields.containsKey(VIEW_STATE)) {
            // every form of a Faces page carries the same view state
            Element state = doc.selectFirst("input[name='" + VIEW_STATE + "']");
            if (state != null) {
                post.fields.put(VIEW_STATE, state.val());
            }
        }
        // formData() leaves out file inputs and the submit buttons; the form's own name marks the postback
        post.fields.putIfAbsent(formId, formId);
        return post;
    }

    /** The ViewState the page gave this session's form. */
    String viewState() {
        return fields.get(VIEW_STATE);
    }

    FacesPost set(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** A copy with the ViewState replaced ({@code null}: removed). */
    FacesPost withViewState(String viewState) {
        FacesPost copy = new FacesPost(page, formId);
        copy.fields.putAll(fields);
        if (viewState == null) {
            copy.fields.remove(VIEW_STATE);
        } else {
            copy.fields.put(VIEW_STATE, viewState);
        }
        return copy;
    }

    /** PrimeFaces' ajax submit of {@code buttonId} (process @form), as its commandButton sends it. */
    SignedInHttp.Answer ajax(SignedInHttp http, String buttonId, String render) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("jakarta.faces.partial.ajax", "true");
        body.put("jakarta.faces.source", buttonId);
        body.put("jakarta.faces.partial.execute", buttonId + " " + formId);
        body.put("jakarta.faces.partial.render", render);
        body.put(buttonId, buttonId);
        return http.post(page, encode(body), Map.of("Faces-Request", "partial/ajax",
                "X-Requested-With", "XMLHttpRequest"));
    }

    /** A plain (non-ajax) submit of {@code buttonId}. */
    SignedInHttp.Answer submit(SignedInHttp http, String buttonId, String buttonValue) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put(buttonId, buttonValue);
        return http.post(page, encode(body), Map.of());
    }

    /** PrimeFaces' advanced (ajax) file upload of {@code file} through the upload component {@code uploadId}. */
    SignedInHttp.Answer upload(SignedInHttp http, String uploadId, String fileName, byte[] file) {
        Map<String, String> parts = new LinkedHashMap<>(fields);
        parts.put("jakarta.faces.partial.ajax", "true");
        parts.put("jakarta.faces.source", uploadId);
        parts.put("jakarta.faces.partial.execute", uploadId);
        String boundary = "----custos" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + uploadId + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post(page, "multipart/form-data; boundary=" + boundary, out.toByteArray(),
                Map.of("Faces-Request", "partial/ajax", "X-Requested-With", "XMLHttpRequest"));
    }

    private static String encode(Map<String, String> body) {
        return body.entrySet().stream().map(e -> Crawl.enc(e.getKey()) + "=" + Crawl.enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
