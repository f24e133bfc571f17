package io.posture.security;

import io.posture.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Login CSRF, guessing and the headers of the login page, as an attacker meets them over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() throws Exception {
        var fromElsewhere = send(HttpClient.newHttpClient(), login("viewer", "viewer-demo")
                .header("Origin", "https://attacker.example").header("Sec-Fetch-Site", "cross-site"));
        var olderBrowser = send(HttpClient.newHttpClient(), login("viewer", "viewer-demo").header("Origin", "https://attacker.example"));
        var samePage = send(HttpClient.newHttpClient(), login("viewer", "viewer-demo")
                .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin"));

        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(olderBrowser.statusCode()).isEqualTo(403);
        assertThat(samePage.statusCode()).isEqualTo(302);
        assertThat(samePage.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void guessingSlowsTheGuesserWithoutLockingTheAccountOrItsTokens() throws Exception {
        SignedIn.bindTo(securityContexts);
        var token = as("engineer", Role.ENGINEER.name(), () -> tokens.create("pipeline", Role.ENGINEER, Duration.ofDays(1))).secret();
        var guesser = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            assertThat(send(guesser, login("engineer", "guess-" + i)).headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/login?error"));
        }

        var paused = send(guesser, login("engineer", "engineer-demo"));
        assertThat(paused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login?throttled="));

        var api = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/findings")).header("Authorization", "Bearer " + token));
        assertThat(api.statusCode()).isEqualTo(200);
        Thread.sleep(1100);
        var owner = send(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), login("engineer", "engineer-demo"));
        assertThat(owner.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void theLoginPageHasTheSameHeadersAsEveryPageAndNoSessionIdInAUrl() throws Exception {
        for (var path : new String[]{"/login", "/", "/VAADIN/"}) {
            var response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Location").orElse("")).as(path).doesNotContain("jsessionid");
        }
    }

    @Test
    void theLoginPageNamesAnIconThatAnyoneMayFetch() throws Exception {
        var page = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/login")));
        var icon = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/icons/posture.svg")));

        assertThat(page.body()).contains("rel=\"icon\"").contains("icons/posture.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(icon.body()).contains("<svg");
    }

    private HttpRequest.Builder login(String username, String password) {
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
