package io.posture.ui;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.posture.support.Chromium;
import io.posture.support.PackagedJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar, started from an empty folder as a user starts it: every route, visited in a
 * real browser as a role that may see it, renders without a console error, an uncaught exception
 * or a failed request (a component missing from the committed bundle shows up exactly so), and the
 * jar logs no error while it serves them; a real Prometheus scrapes its gauges.
 */
class PackagedJarIT {

    private static final String SCRAPE_TOKEN = "scrape-" + java.util.UUID.randomUUID();
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    private static PackagedJar jar;

    private final Set<String> visited = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void startTheJar() throws Exception {
        jar = PackagedJar.start("--posture.metrics.scrape-token=" + SCRAPE_TOKEN, "--posture.metrics.refresh=2s");
        jar.awaitLog("Demo estate loaded", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void everyRouteRendersWithoutABrowserErrorAsARoleThatMaySeeIt() throws Exception {
        try (var chromium = Chromium.start()) {
            chromium.signIn(jar.url(), "viewer", "viewer-demo");
            check(chromium, "");
            assertThat(chromium.driver().findElements(By.cssSelector("a.cluster-card"))).as("the demo estate's clusters")
                    .extracting(card -> card.getAttribute("href"))
                    .anySatisfy(href -> assertThat(href).endsWith("clusters/dev-eu1"))
                    .anySatisfy(href -> assertThat(href).endsWith("clusters/prod-eu1"))
                    .anySatisfy(href -> assertThat(href).endsWith("clusters/staging-eu1"));
            for (var page : List.of("clusters/dev-eu1", "clusters/dev-eu1/namespaces/monitoring",
                    "clusters/dev-eu1/namespaces/monitoring/workloads/DaemonSet/node-exporter", "findings", "images",
                    "vulnerabilities/CVE-2024-45490", "hosts", "benchmarks", "benchmarks/cis-kubernetes",
                    "benchmarks/cis-kubernetes/controls/5.1.1", "runs", "registries", "connections", "exceptions",
                    "audit", "settings", "tasks", "tokens", "clusters/prod-eu1", "benchmarks/nsa-cisa/controls/2.2",
                    "findings?benchmark=cis-kubernetes&control=5.2.2")) {
                check(chromium, page);
            }
            checkFirstRowOf(chromium, "findings?cluster=dev-eu1", "findings/\\d+");
            checkFirstRowOf(chromium, "images", "images/\\d+");
            checkFirstRowOf(chromium, "hosts", "hosts/\\d+");

            chromium.driver().manage().deleteAllCookies();
            chromium.signIn(jar.url(), "manager", "manager-demo");
            chromium.driver().get(jar.url() + "/findings?cluster=dev-eu1&namespace=monitoring&control=hostPathVolumes");
            chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-button[starts-with(normalize-space(.), 'Create task from these findings')]"))).click();
            chromium.waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
            chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//span[normalize-space(.)='HostPath volumes in dev-eu1/monitoring']"))).click();
            chromium.waiting().until(ExpectedConditions.urlMatches(".*/tasks/\\d+$"));
            check(chromium, URI.create(chromium.driver().getCurrentUrl()).getPath().substring(1));

            chromium.driver().manage().deleteAllCookies();
            chromium.signIn(jar.url(), "auditor", "auditor-demo");
            check(chromium, "evidence");
            assertThat(problems).as("browser errors while visiting " + visited).isEmpty();
            var asOf = chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-date-picker input")));
            asOf.click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-date-picker[opened]")));
            chromium.screenshot("evidence-date-picker.png");
            recordErrors(chromium, "evidence (date picker open)");

            chromium.driver().manage().deleteAllCookies();
            chromium.signIn(jar.url(), "demo-admin", "admin-demo");
            check(chromium, "users");
            check(chromium, "connections");
            assertThat(chromium.driver().findElement(By.cssSelector(".setup-missing")).getText())
                    .as("the missing key is named before the form").contains("POSTURE_CREDENTIALS_KEY");
        }
        assertThat(problems).as("browser errors while visiting " + visited).isEmpty();
        assertThat(unvisitedRoutes()).as("routes the sweep did not visit").isEmpty();
        assertThat(jar.loggedErrors()).as("errors in the jar's log").isEmpty();
    }

    @Test
    void probesAnswerWithoutALoginMetricsNeedATokenAndARealPrometheusScrapesTheScoreGauge() throws Exception {
        var http = HttpClient.newHttpClient();
        assertThat(get(http, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(http, "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
        assertThat(get(http, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(http, "/actuator/prometheus", "not-the-token").statusCode()).isEqualTo(401);
        assertThat(get(http, "/actuator/env", SCRAPE_TOKEN).statusCode()).as("only health and metrics").isIn(403, 404);
        var scrape = get(http, "/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("posture_score{benchmark=\"pss-restricted\",cluster=\"dev-eu1\"}")
                .contains("posture_coverage{").contains("posture_findings_active{severity=\"HIGH\"}")
                .contains("posture_tasks_overdue").contains("posture_collection_runs{status=\"COMPLETE\"}");

        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(PROMETHEUS), "Prometheus not installed: apt-get install -y prometheus");
        }
        var folder = Files.createTempDirectory("posture-prometheus");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(folder.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s}
                scrape_configs:
                  - job_name: posture
                    metrics_path: /actuator/prometheus
                    authorization: {credentials: %s}
                    static_configs: [{targets: ['%s']}]
                """.formatted(SCRAPE_TOKEN, URI.create(jar.url()).getAuthority()));
        var prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + folder.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        try {
            var query = "http://127.0.0.1:" + port + "/api/v1/query?query="
                    + java.net.URLEncoder.encode("posture_score{cluster=\"dev-eu1\",benchmark=\"pss-restricted\"}",
                    java.nio.charset.StandardCharsets.UTF_8);
            String answer = null;
            for (var deadline = java.time.Instant.now().plusSeconds(60); java.time.Instant.now().isBefore(deadline); Thread.sleep(500)) {
                try {
                    answer = http.send(HttpRequest.newBuilder(URI.create(query)).build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (answer.contains("\"value\"")) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // Prometheus is still starting
                }
            }
            assertThat(answer).as("Prometheus's answer; its log:\n" + Files.readString(folder.resolve("prometheus.log")))
                    .contains("\"status\":\"success\"").contains("\"cluster\":\"dev-eu1\"").contains("\"value\"");
            var value = Double.parseDouble(answer.replaceAll("(?s).*\"value\":\\[[^,]+,\"([^\"]+)\"\\].*", "$1"));
            assertThat(value).isBetween(0.0, 100.0);
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(jar.url() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a page, waits for Vaadin, and records any browser error and any error page. */
    private void check(Chromium chromium, String page) throws IOException {
        chromium.driver().get(jar.url() + "/" + page);
        chromium.waitForVaadin();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        var body = chromium.driver().findElement(By.tagName("body")).getText();
        for (var sign : List.of("Internal error", "Could not navigate", "There was an exception", "Page not found")) {
            if (body.contains(sign)) {
                problems.add(page + ": the page says '" + sign + "'");
            }
        }
        visited.add(URI.create(chromium.driver().getCurrentUrl()).getPath().substring(1));
        recordErrors(chromium, page);
        chromium.screenshot("sweep-" + (page.isEmpty() ? "overview" : page.replaceAll("[^A-Za-z0-9.-]+", "_")) + ".png");
    }

    /** Opens a list, clicks its first row, and checks the page that row leads to. */
    private void checkFirstRowOf(Chromium chromium, String list, String target) throws IOException {
        check(chromium, list);
        // the topmost row of cells is the header; the first body row is the next one down
        var firstRow = chromium.waiting().until(driver -> {
            var cells = driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(WebElement::isDisplayed).filter(cell -> !cell.getText().isBlank()).toList();
            int header = cells.stream().mapToInt(cell -> cell.getLocation().getY()).min().orElse(0);
            return cells.stream().filter(cell -> cell.getLocation().getY() > header + 5)
                    .min(Comparator.comparingInt((WebElement cell) -> cell.getLocation().getY())
                            .thenComparingInt(cell -> cell.getLocation().getX())).orElse(null);
        });
        firstRow.click();
        chromium.waiting().until(ExpectedConditions.urlMatches(".*/" + target + "$"));
        var page = URI.create(chromium.driver().getCurrentUrl()).getPath().substring(1);
        check(chromium, page);
    }

    private void recordErrors(Chromium chromium, String page) {
        chromium.errorsSinceLastLook().forEach(entry -> problems.add(page + ": " + entry.getMessage()));
    }

    /** Every @Route of the UI, as a pattern of the paths it serves, that no visited path matches. */
    private List<String> unvisitedRoutes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var unvisited = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents("io.posture.ui")) {
            var view = Class.forName(candidate.getBeanClassName());
            var template = view.getAnnotation(Route.class).value();
            if (template.equals("login")) {
                continue;
            }
            var pattern = Pattern.compile(template.replaceAll(":[^/]+", "[^/]+")
                    + (HasUrlParameter.class.isAssignableFrom(view) ? "/[^/]+" : ""));
            if (visited.stream().noneMatch(path -> pattern.matcher(path).matches())) {
                unvisited.add(view.getSimpleName() + " (" + pattern + ")");
            }
        }
        return unvisited;
    }
}
