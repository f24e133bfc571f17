package io.posture.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server answers over HTTP before any Vaadin code runs: every page needs a login, the
 * form login works for each role's account and refuses a wrong password, and the session cookie
 * cannot be read by scripts or sent by other sites. Which role may open which page, and which
 * action, is enforced on the server behind Vaadin's requests: see PermissionMatrixTest (services),
 * UsersViewTest (views) and DrillDownBrowserIT (a real browser).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.security.admin-password=first-admin-secret")
class HttpPermissionTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "anonymous GET {0} goes to the login page")
    @ValueSource(strings = {"/", "/findings", "/findings/1", "/tasks", "/tasks/1", "/exceptions", "/runs", "/audit",
            "/settings", "/users", "/clusters/prod-eu1", "/clusters/prod-eu1/namespaces/shop"})
    void everyPageNeedsALogin(String path) throws Exception {
        var response = HttpClient.newHttpClient().send(get(path), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @ParameterizedTest(name = "{0} signs in with the form")
    @CsvSource({"viewer,viewer-demo", "engineer,engineer-demo", "manager,manager-demo", "auditor,auditor-demo", "demo-admin,admin-demo"})
    void eachRolesAccountSignsInAndGetsAStrictHttpOnlySessionCookie(String username, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var loginPage = client.send(get("/login"), HttpResponse.BodyHandlers.discarding());
        assertThat(loginPage.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly", "SameSite=Strict"));

        var signedIn = login(client, username, password);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        var page = client.send(get("/findings"), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} with a wrong password is refused")
    @ValueSource(strings = {"viewer", "demo-admin", "no-such-user"})
    void aWrongPasswordIsRefused(String username) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        var refused = login(client, username, "wrong-password");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(client.send(get("/findings"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);
    }

    private HttpResponse<Void> login(HttpClient client, String username, String password) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }
}
