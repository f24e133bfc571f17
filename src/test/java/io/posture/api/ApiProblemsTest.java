package io.posture.api;

import io.posture.security.ApiTokens;
import io.posture.security.Role;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Every answer under /api/ that is not a success is an RFC 9457 problem, never a login redirect or an HTML page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.import.max-file-size=64KB")
class ApiProblemsTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final JsonMapper json = JsonMapper.builder().build();
    String manager;

    @BeforeEach
    void signIn() {
        SignedIn.bindTo(securityContexts);
        manager = as("manager", Role.SECURITY_MANAGER.name(),
                () -> tokens.create("problems", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/scores                                    | 400 | benchmark
            GET    | /api/v1/scores?benchmark=no-such-benchmark        | 404 | no-such-benchmark
            GET    | /api/v1/results?benchmark=pss-baseline&control=x  | 404 | has no control x
            GET    | /api/v1/findings?page=99999999999                 | 400 | page
            GET    | /api/v1/findings?page=9999999&size=500            | 400 | page × size
            GET    | /api/v1/findings?severity=apocalyptic             | 400 | severity
            GET    | /api/v1/nowhere                                   | 404 | No API resource at /api/v1/nowhere
            DELETE | /api/v1/scores?benchmark=pss-baseline             | 404 | No API resource
            POST   | /api/v1/clusters/Not_A_Name/manifests             | 400 | cluster name
            POST   | /api/v1/clusters/no-such/collections              | 404 | no-such
            """)
    void errorsAreProblemDetails(String method, String path, int status, String detail) throws Exception {
        var response = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + manager)
                .method(method, HttpRequest.BodyPublishers.ofString("kind: Namespace\nmetadata: {name: a}\n")));

        assertProblem(response, status, detail);
    }

    @Test
    void withoutATokenTheAnswerIsAProblemToo() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/scores?benchmark=pss-baseline")).GET()), 401, "API token is required");
    }

    @Test
    void anUploadIsTheRawBodyWhateverItsContentType() throws Exception {
        var manifest = deployment("shop", "web", "shop/web:1", "{}");
        for (var contentType : new String[]{"application/x-www-form-urlencoded", "text/plain", null}) {
            var request = HttpRequest.newBuilder(uri("/api/v1/clusters/raw-bodies/manifests?name=web.yaml"))
                    .header("Authorization", "Bearer " + manager).POST(HttpRequest.BodyPublishers.ofString(manifest));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            var response = send(request);
            assertThat(response.statusCode()).as(contentType + ": " + response.body()).isEqualTo(201);
            assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("COMPLETE");
        }
    }

    @Test
    void aMultipartUploadIsReadAsItsOneFile() throws Exception {
        var boundary = "posture-boundary";
        var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"web.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n" + deployment("shop", "web", "shop/web:1", "{}") + "\r\n--" + boundary + "--\r\n";
        var response = send(HttpRequest.newBuilder(uri("/api/v1/clusters/multipart/manifests"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json.readTree(response.body()).path("source").asString()).contains("web.yaml");
    }

    @Test
    void refusedObjectsComeWithTheirReasonsAndANothingReadImportIsA422Problem() throws Exception {
        var partial = send(HttpRequest.newBuilder(uri("/api/v1/clusters/typed/manifests?name=mixed.yaml"))
                .header("Authorization", "Bearer " + manager).POST(HttpRequest.BodyPublishers.ofString(
                        deployment("shop", "web", "shop/web:1", "{}") + "---\nkind: Pod\nmetadata: {name: p}\nspec: {containers: 5}\n")));
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        var run = json.readTree(partial.body());
        assertThat(run.path("status").asString()).isEqualTo("PARTIAL");
        assertThat(run.path("problems").get(0).path("message").asString()).contains("spec.containers is a number (5), expected a list");

        var failed = send(HttpRequest.newBuilder(uri("/api/v1/clusters/typed/manifests?name=bad.yaml"))
                .header("Authorization", "Bearer " + manager).POST(HttpRequest.BodyPublishers.ofString("kind: Pod\nmetadata: {name: [x\n")));
        assertProblem(failed, 422, "could not be read");
        assertThat(json.readTree(failed.body()).path("errors").get(0).path("message").asString()).startsWith("malformed YAML");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() throws Exception {
        int runsBefore = jdbc.queryForObject("select count(*) from collection_run", Integer.class);
        var response = send(HttpRequest.newBuilder(uri("/api/v1/clusters/big/manifests"))
                .header("Authorization", "Bearer " + manager).POST(HttpRequest.BodyPublishers.ofString("#".repeat(1024 * 1024))));

        assertProblem(response, 413, "larger than 64 KB");
        assertThat(jdbc.queryForObject("select count(*) from collection_run", Integer.class)).isEqualTo(runsBefore);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        var problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(detail);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
