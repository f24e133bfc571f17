package io.posture.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium (chromium and chromium-driver) driven by Selenium, in a fresh profile,
 * with the browser console kept so that a test can fail on what a person's browser would log.
 * CI installs Chromium; elsewhere a test that needs it is skipped when it is missing.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    public static Chromium start() throws IOException {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "Chromium not installed: apt-get install -y chromium chromium-driver");
        }
        var profile = Files.createTempDirectory("posture-chromium");
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public Path profile() {
        return profile;
    }

    /** Signs in through the login form, the way a person does. */
    public void signIn(String base, String username, String password) {
        driver.get(base + "/login");
        typeCredentials(username, password);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public void typeCredentials(String username, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]"))).sendKeys(username);
        var passwordField = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=password]")));
        passwordField.sendKeys(password);
        passwordField.sendKeys(Keys.ENTER);
    }

    /** A grid cell with exactly this text, once it is clickable. */
    public WebElement cell(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + text + "']")));
    }

    /** Waits until Vaadin has no request in flight: the page is what the server last sent. */
    public void waitForVaadin() {
        wait.until(browser -> Boolean.TRUE.equals(driver.executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                return !!(flow && flow.clients) && document.readyState === 'complete'
                    && Object.values(flow.clients).every(client => !client.isActive || !client.isActive());""")));
    }

    /** What the browser logged as errors since the last call: console.error, uncaught exceptions, failed requests. */
    public List<LogEntry> errorsSinceLastLook() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots", name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
