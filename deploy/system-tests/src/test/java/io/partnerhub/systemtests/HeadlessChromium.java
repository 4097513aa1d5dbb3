package io.partnerhub.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no download: Selenium Manager is not asked), with a
 * fresh profile and downloads allowed into a temporary directory. Flags keep it off the network (closed build machines).
 * Paths: {@code -Dpartnerhub.chromium=/usr/bin/chromium}, {@code -Dpartnerhub.chromedriver=/usr/bin/chromedriver}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("partnerhub.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("partnerhub.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final Path screenshots;

    HeadlessChromium(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("portal-chromium-profile");
        this.downloads = Files.createTempDirectory("portal-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1200,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    <T> T await(Function<WebDriver, T> condition, Duration within) {
        return new WebDriverWait(driver, within, Duration.ofMillis(50)).until(condition);
    }

    /**
     * Opens the portal at {@code url} signed out: waits until the app has rendered either its sign-in form or a signed-in
     * page (a click looked for before the first render would find nothing), signs out if signed in, and returns the
     * token field.
     */
    WebElement signedOut(String url) {
        By signOut = By.xpath("//button[normalize-space()='Sign out']");
        driver.get(url);
        await(d -> !d.findElements(By.id("token")).isEmpty() || !d.findElements(signOut).isEmpty(), Duration.ofSeconds(15));
        driver.findElements(signOut).forEach(WebElement::click);
        return await(By.id("token"));
    }

    WebElement await(By locator) {
        return await(ExpectedConditions.visibilityOfElementLocated(locator), Duration.ofSeconds(15));
    }

    /** Waits until the element's text contains {@code text} (case-insensitive) and returns the element. */
    WebElement awaitText(By locator, String text, Duration within) {
        String wanted = text.toLowerCase();
        return await(d -> d.findElements(locator).stream().filter(e -> e.getText().toLowerCase().contains(wanted))
                .findFirst().orElse(null), within);
    }

    void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The same page at a phone's width (390 px), then back. */
    void phoneScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    Path awaitDownload(String suffix, Duration within) {
        return await(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        }, within);
    }

    @Override
    public void close() {
        driver.quit();
        for (Path dir : List.of(profile, downloads)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // temporary files
            }
        }
    }
}
