package io.posture.ui;

import io.posture.collect.ClusterConnections;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.security.Roles;
import io.posture.support.Chromium;
import io.posture.support.GeneratedCluster;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver, see {@link Chromium}) against the
 * running app with the demo estate: overview → cluster → namespace → workload, where the failing
 * control and its evidence must show, and the users' journeys through the other pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"posture.demo.enabled=true",
        "posture.credentials.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "posture.collect.request-timeout=2m"})
class DrillDownBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ClusterConnections connections;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private Chromium chromium;
    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver();
        profile = chromium.profile();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void drillsDownFromTheOverviewToAWorkloadsFailingControlWithEvidence() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "viewer", "viewer-demo");

        var card = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.cluster-card[href='clusters/dev-eu1']")));
        assertThat(card.getText()).contains("dev-eu1").contains("coverage");
        assertThat(browser.findElements(By.cssSelector("a.cluster-card"))).extracting(link -> link.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("clusters/prod-eu1"))
                .anySatisfy(href -> assertThat(href).endsWith("clusters/staging-eu1"));
        card.click();

        cell(wait, "monitoring").click();
        wait.until(ExpectedConditions.urlContains("/namespaces/monitoring"));

        cell(wait, "node-exporter").click();
        wait.until(ExpectedConditions.urlContains("/workloads/DaemonSet/node-exporter"));

        var evidence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.evidence-block")));
        assertThat(evidence.getText()).contains("spec.template.spec.hostNetwork = true");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("DaemonSet node-exporter");
        assertThat(cell(wait, "Host namespaces").isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).contains("How to fix it");

        saveScreenshot("workload.png");

        browser.get("http://localhost:" + port + "/findings?cluster=dev-eu1");
        var finding = cell(wait, "Privileged containers");
        saveScreenshot("findings.png");
        finding.click();
        wait.until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.evidence-block"))).getText())
                .contains("securityContext.privileged = true");
        assertThat(browser.findElement(By.xpath("//p[starts-with(normalize-space(.), 'Pod Security Standards — Baseline · control privileged')]"))
                .getText()).as("the finding names its benchmark and the other benchmarks' same check").contains("also checked as Pod Security Standards — Restricted privileged (Privileged containers); "
                        + "CIS Kubernetes Benchmark 5.2.2 (Minimize the admission of privileged containers)");
        saveScreenshot("finding.png");
    }

    @Test
    void aWrongPasswordKeepsTheUserOnTheLoginPageWithAnError() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/clusters/prod-eu1");

        wait.until(ExpectedConditions.urlContains("/login"));
        typeCredentials(wait, "viewer", "not-the-password");

        wait.until(ExpectedConditions.urlContains("error"));
        var form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        assertThat(form.isDisplayed()).isTrue();

        browser.get("http://localhost:" + port + "/login?throttled=8");
        var throttled = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form[error]")));
        wait.until(driver -> String.valueOf(((ChromeDriver) driver).executeScript(
                "return arguments[0].i18n.errorMessage.message", throttled)).contains("try again in 8 seconds"));
        saveScreenshot("login-throttled.png");
    }

    @Test
    void anEngineerRequestsAnExceptionAManagerApprovesItAndScoreAndAuditShowIt() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "engineer", "engineer-demo");
        browser.get("http://localhost:" + port + "/findings?cluster=staging-eu1&control=privileged");
        var workloadCell = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "(//vaadin-grid-cell-content[starts-with(normalize-space(.), 'Deployment ') or starts-with(normalize-space(.), 'StatefulSet ')])[1]")));
        var workload = workloadCell.getText().trim();
        workloadCell.click();
        wait.until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-details-summary[contains(., 'Request an exception')]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-area textarea")))
                .sendKeys("Legacy storage agent; isolated node pool until the Q3 migration");
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Request exception']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-notification-card[contains(., 'requested')]")));

        browser.manage().deleteAllCookies();
        signIn(wait, "manager", "manager-demo");
        browser.get("http://localhost:" + port + "/exceptions?list=pending");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space(.)='Approve']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Approve']")));

        browser.get("http://localhost:" + port + "/audit?q=exception");
        assertThat(cell(wait, "EXCEPTION_APPROVED").isDisplayed()).isTrue();
        assertThat(cell(wait, "EXCEPTION_REQUESTED").isDisplayed()).isTrue();
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='manager']"))).isNotEmpty();
        saveScreenshot("audit.png");

        browser.get("http://localhost:" + port + "/findings?cluster=dev-eu1&namespace=monitoring&control=hostPathVolumes");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[starts-with(normalize-space(.), 'Create task from these findings')]"))).click();
        wait.until(ExpectedConditions.urlContains("/tasks"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//span[normalize-space(.)='HostPath volumes in dev-eu1/monitoring']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Start work']")));
        saveScreenshot("tasks.png");

        var parts = workload.split(" ", 2);
        browser.get("http://localhost:" + port + "/findings?cluster=staging-eu1&control=privileged&status=risk_accepted");
        assertThat(cell(wait, parts[0] + " " + parts[1]).isDisplayed()).isTrue();
        cell(wait, parts[0] + " " + parts[1]).click();
        wait.until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Workload']"))).click();
        wait.until(ExpectedConditions.urlContains("/workloads/"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//span[normalize-space(.)='excepted']")))
                .isDisplayed()).isTrue();
        saveScreenshot("excepted-workload.png");
    }

    @Test
    void anEngineerGroupsPickedFindingsIntoATaskAndCommentsAndOnlyAnAdministratorManagesUsers() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "engineer", "engineer-demo");
        browser.get("http://localhost:" + port + "/findings?cluster=prod-eu1&control=runAsNonRoot");
        cell(wait, "Running as non-root");
        var boxes = wait.until(driver -> {
            // The grid renders rows ahead of the viewport: take the two topmost row checkboxes.
            var visible = driver.findElements(By.cssSelector("vaadin-grid-cell-content > vaadin-checkbox")).stream()
                    .filter(WebElement::isDisplayed).sorted(java.util.Comparator.comparingInt(box -> box.getLocation().getY())).toList();
            return visible.size() >= 2 ? visible : null;
        });
        boxes.get(0).click();
        boxes.get(1).click();
        var picked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//span[normalize-space(.)='2 findings picked']")));
        assertThat(picked.isDisplayed()).isTrue();
        saveScreenshot("findings-bulk.png");

        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Create task']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/tasks/\\d+$"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-area textarea")))
                .sendKeys("Both run the base image from 2023; rebuilding on the distroless one.");
        var post = browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Comment']"));
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", post);
        post.click();
        var comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.comment-body")));
        assertThat(comment.getText()).isEqualTo("Both run the base image from 2023; rebuilding on the distroless one.");
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Running as non-root']"))).hasSize(2);
        saveScreenshot("task.png");

        browser.get("http://localhost:" + port + "/users");
        wait.until(ExpectedConditions.not(ExpectedConditions.titleIs("")));
        assertThat(browser.findElements(By.xpath("//vaadin-button[normalize-space(.)='Create user']"))).isEmpty();

        browser.manage().deleteAllCookies();
        signIn(wait, "demo-admin", "admin-demo");
        browser.get("http://localhost:" + port + "/users");
        assertThat(cell(wait, "engineer").isDisplayed()).isTrue();
        cell(wait, "engineer").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Save roles']")));
        saveScreenshot("users.png");
        browser.get("http://localhost:" + port + "/settings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space(.)='Remediation SLA']")));
        saveScreenshot("settings.png");
        browser.get("http://localhost:" + port + "/connections");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Save cluster']")));
        saveScreenshot("connections.png");
    }

    @Test
    void aRunningCollectionShowsItsProgressBarPushedToTheBrowser() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try (var cluster = new GeneratedCluster(3_000, 12, 4).hold("deployments")) {
            SignedIn.bindTo(securityContexts);
            SignedIn.as("demo-admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("live-eu1", "prod",
                    ConnectionKind.TOKEN, cluster.url(), null, "browser-test-token", null, ClusterConnections.HOURLY)));
            signIn(wait, "demo-admin", "admin-demo");
            browser.get("http://localhost:" + port + "/connections");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space(.)='Collect now']"))).click();

            // Namespaces, Nodes and Pods are read; Deployments are held back by the server: the run waits there.
            // each pushed update redraws the line, so it is looked up again, not kept
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".run-progress"), "3 of 21 kinds"));
            var progress = browser.findElement(By.cssSelector(".run-progress"));
            assertThat(progress.getText()).contains("live-eu1: 3 of 21 kinds, 3,016 objects read");
            var bar = progress.findElement(By.tagName("vaadin-progress-bar"));
            assertThat(Double.parseDouble(bar.getDomProperty("value"))).isEqualTo(3.0);
            assertThat(bar.getDomProperty("max")).isEqualTo("21");
            saveScreenshot("collection-progress.png");

            cluster.release("deployments");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".run-progress")));
            // the "started" card may still be showing when a quick run ends: wait for the "finished" one
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//vaadin-notification-card[contains(., 'Collection of live-eu1 finished')]"))).getText())
                    .contains("Collection of live-eu1 finished");
        }
        browser.get("http://localhost:" + port + "/clusters/live-eu1");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='Nodes']"))).click();
        assertThat(cell(wait, "node-3").isDisplayed()).isTrue();
        assertThat(cell(wait, "containerd://1.7.24").isDisplayed()).isTrue();
        saveScreenshot("cluster-nodes.png");
    }

    /** Signs in through the login form, the way a person does. */
    @Test
    void browsesCisBenchmarkSectionsControlsHeatMapAndNodeResults() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "viewer", "viewer-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-grid.worst-controls")));
        saveScreenshot("overview.png");
        browser.get("http://localhost:" + port + "/benchmarks");
        cell(wait, "CIS Kubernetes Benchmark");
        saveScreenshot("benchmarks.png");

        browser.get("http://localhost:" + port + "/benchmarks/cis-kubernetes?cluster=dev-eu1");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("CIS Kubernetes Benchmark v1.12");
        assertThat(browser.getPageSource()).contains("coverage");
        var rbac = cell(wait, "RBAC and Service Accounts");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", rbac);
        rbac.click();
        var control = cell(wait, "Ensure that the cluster-admin role is only used where required");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", control);
        saveScreenshot("benchmark-sections.png");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        saveScreenshot("benchmark-cluster.png");
        control.click();
        wait.until(ExpectedConditions.urlContains("/controls/5.1.1"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).startsWith("5.1.1");
        assertThat(browser.getPageSource()).contains("Why it matters").contains("Earlier editions");
        saveScreenshot("control.png");

        browser.get("http://localhost:" + port + "/benchmarks/cis-kubernetes");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[contains(., 'Heat map')]"))).click();
        cell(wait, "prod-eu1");
        saveScreenshot("heat-map.png");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[contains(., 'Costliest controls')]"))).click();
        saveScreenshot("costliest-controls.png");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[contains(., 'Trend')]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("posture-trend-chart")));
        var chartLabel = wait.until(driver -> ((JavascriptExecutor) driver).executeScript(
                "const root = document.querySelector('posture-trend-chart').shadowRoot;"
                        + " return root && root.querySelector('canvas') ? root.querySelector('canvas').getAttribute('aria-label') : null;"));
        assertThat((String) chartLabel).matches("Score trend: \\d+ evaluations, latest score \\d+");
        saveScreenshot("trend.png");

        browser.get("http://localhost:" + port + "/hosts");
        var node = cell(wait, "dev-eu1-cp-1");
        saveScreenshot("hosts.png");
        node.click();
        wait.until(ExpectedConditions.urlMatches(".*/hosts/\\d+$"));
        cell(wait, "Ensure that the --profiling argument is set to false");
        assertThat(browser.getPageSource()).contains("authentication.anonymous.enabled: true");
        saveScreenshot("host.png");
    }

    @Test
    void browsesImagesTheirVulnerabilitiesWhereACveRunsAndRegistries() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "manager", "manager-demo");
        browser.get("http://localhost:" + port + "/images");
        var falco = cell(wait, "docker.io/falcosecurity/falco:0.38.1");
        assertThat(browser.getPageSource()).contains("Import a vulnerability scan");
        saveScreenshot("images.png");

        falco.click();
        wait.until(ExpectedConditions.urlMatches(".*/images/\\d+$"));
        cell(wait, "libexpat1");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("docker.io/falcosecurity/falco:0.38.1");
        assertThat(browser.getPageSource()).as("Grype reports carry no image config").contains("not known");
        saveScreenshot("image.png");

        browser.get("http://localhost:" + port + "/vulnerabilities/cve-2024-45490");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).isEqualTo("CVE-2024-45490");
        cell(wait, "registry.example.com/payments/dispute-service");
        saveScreenshot("cve.png");

        browser.get("http://localhost:" + port + "/registries?registry=registry.example.com&repository=payments/dispute-service");
        cell(wait, "2.1.0");
        assertThat(browser.getPageSource()).contains("not running");
        saveScreenshot("registry-tags.png");
    }

    @Test
    void aComplianceOfficerOpensTheEvidencePage() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "auditor", "auditor-demo");
        browser.get("http://localhost:" + port + "/evidence");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.download")));
        assertThat(browser.getPageSource()).contains("Evidence package (zip, signed)").contains("--key-fingerprint");
        saveScreenshot("evidence.png");
    }

    private void signIn(WebDriverWait wait, String username, String password) {
        chromium.signIn("http://localhost:" + port, username, password);
    }

    private void typeCredentials(WebDriverWait wait, String username, String password) {
        chromium.typeCredentials(username, password);
    }

    private void saveScreenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    @Test
    void importsUploadedManifestsIntoANewCluster() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var manifest = Files.createTempFile(profile, "payments", ".yaml");
        Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: uploaded-api, namespace: uploads}
                spec: {template: {spec: {containers: [{name: api, image: 'r/api:1', securityContext: {privileged: true}}]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: typo, namespace: uploads}
                spec: {hostNetwork: 'yes', containers: [{name: sh, image: busybox}]}
                """);
        signIn(wait, "manager", "manager-demo");
        browser.get("http://localhost:" + port + "/runs");

        wait.until(ExpectedConditions.elementToBeClickable(By.tagName("vaadin-details-summary"))).click();
        browser.findElement(By.cssSelector("vaadin-text-field input")).sendKeys("uploaded-eu1");
        var upload = browser.findElement(By.tagName("vaadin-upload"));
        var fileInput = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        ((ChromeDriver) browser).executeScript("arguments[0].removeAttribute('hidden')", fileInput);
        fileInput.sendKeys(manifest.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-upload-file[complete]")));
        browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Import']")).click();

        assertThat(cell(wait, "uploaded-eu1").isDisplayed()).isTrue();
        saveScreenshot("runs-import.png");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '1 object refused')]"))).click();
        wait.until(driver -> driver.getPageSource().contains("spec.hostNetwork is a string ('yes'), expected a boolean"));
        saveScreenshot("runs-refused-object.png");
        browser.get("http://localhost:" + port + "/clusters/uploaded-eu1/namespaces/uploads");
        cell(wait, "uploaded-api").click();
        var evidence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.evidence-block")));
        assertThat(evidence.getText()).contains("spec.template.spec.containers[name=api].securityContext.privileged = true");
    }

    private WebElement cell(WebDriverWait wait, String text) {
        return chromium.cell(text);
    }
}
