package org.custos.portal.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's admin REST API, as the test Keycloak's bootstrap admin (credentials written by kc_start). */
final class KeycloakAdmin {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = env("CUSTOS_IT_KEYCLOAK_URL");
    private final String token;

    KeycloakAdmin() throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(Path.of(env("CUSTOS_IT_KEYCLOAK_ADMIN_FILE")));
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(lines.get(0)) + "&password="
                + enc(lines.get(1));
        String body = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        token = match(ACCESS_TOKEN, body);
    }

    void setAccessTokenLifespan(int seconds) throws IOException, InterruptedException {
        put("/admin/realms/custos", "{\"accessTokenLifespan\":" + seconds + "}");
    }

    void setUserEnabled(String username, boolean enabled) throws IOException, InterruptedException {
        put("/admin/realms/custos/users/" + userId(username), "{\"enabled\":" + enabled + "}");
    }

    /** Ends every Keycloak session of the user (as an administrator's "Sign out" does); refresh tokens die with them. */
    void logoutUser(String username) throws IOException, InterruptedException {
        send(authorized("/admin/realms/custos/users/" + userId(username) + "/logout")
                .POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    private String userId(String username) throws IOException, InterruptedException {
        return match(ID, send(authorized("/admin/realms/custos/users?exact=true&username=" + enc(username)).GET(), 200));
    }

    private void put(String path, String json) throws IOException, InterruptedException {
        send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), 204);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Keycloak admin API: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected Keycloak answer: " + body);
        }
        return m.group(1);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with scripts/test.sh");
        }
        return value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
