package io.partnerhub.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The checks every portal page gets in the browser tests (issue 27), shared by the persona ITs:
 * <ul>
 * <li>{@link #page(String)}: once the page's data has rendered (no {@code .loading} / {@code aria-busy} element left),
 * axe-core finds no serious or critical violation, and a screenshot at 375 px and one at 1280 px wide go to
 * {@code target/portal-screenshots/<persona>-<page>-<width>.png} (the whole page, up to 6000 px tall);</li>
 * <li>{@link #axe(String)}: axe-core only, for a state of the page without a screenshot of its own (a dialog open).</li>
 * </ul>
 * A violation fails the test with its rule, impact, help text and the offending elements' selectors. axe-core
 * ({@value #AXE_VERSION}) is fetched once per JVM from the npm registry ({@code npm pack axe-core@version} into
 * {@code target/axe-core/}, kept there for the next runs; {@code -Dpartnerhub.axe=/path/to/axe.min.js} uses a local
 * copy instead) and injected through WebDriver, which the page's Content-Security-Policy does not govern: the policy
 * stays as strict as it is. Rules in {@code -Dpartnerhub.axe.disable=rule,rule} are skipped (none by default).
 * <p>
 * One instance per signed-in browser and persona: {@code new PortalChecks(browser, "employee")}.
 */
final class PortalChecks {

    /** The axe-core release the tests run (npm). */
    static final String AXE_VERSION = "4.14.1";
    /** The two widths of every screenshot: a phone and a desktop. */
    static final List<Integer> WIDTHS = List.of(375, 1280);
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    private static final Duration RENDERED = Duration.ofSeconds(15);
    private static String axeSource;

    private final ChromeDriver driver;
    private final String persona;

    /**
     * @param browser the signed-in browser the test drives
     * @param persona who is signed in (the screenshots' prefix): "employee", "partner-admin", "ops", "public"
     */
    PortalChecks(HeadlessChromium browser, String persona) {
        this.driver = browser.driver;
        this.persona = persona;
    }

    /**
     * The page as it is now, once its data has rendered: axe-core passes (0 serious/critical violations) and one
     * screenshot per width is written ({@code <persona>-<page>-375.png}, {@code -1280.png}). The window keeps the size
     * it had before.
     *
     * @param page a short name of the page, e.g. "exams" (a file name: letters, digits and dashes)
     */
    void page(String page) {
        long start = System.nanoTime();
        axe(page);
        long axed = System.nanoTime();
        Dimension before = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : WIDTHS) {
                driver.manage().window().setSize(new Dimension(width, width < 600 ? 812 : 900));
                settle();
                Files.write(SCREENSHOTS.resolve(persona + "-" + page + "-" + width + ".png"), fullPage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
        System.out.printf("[PortalChecks] %s-%s: axe-core %d ms, screenshots %d ms%n", persona, page,
                (axed - start) / 1_000_000, (System.nanoTime() - axed) / 1_000_000);
    }

    /**
     * axe-core on the page as it is now (after waiting for its data): fails listing every serious or critical
     * violation. Call it with each dialog open, named for the failure message: {@code checks.axe("exams: cancel dialog")}.
     */
    void axe(String what) {
        awaitRendered();
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeScript());
        }
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const disabled = arguments[0];
                const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
                axe.run(document, { resultTypes: ['violations'], rules }).then((r) => done(r.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\\n    `
                        + v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\\s+/g, ' ')}`)
                          .join('\\n    ')
                        + (v.nodes.length > 5 ? `\\n    … and ${v.nodes.length - 5} more` : ''))),
                  (e) => done([`axe-core failed: ${e}`]));""", disabledRules());
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) found;
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core " + AXE_VERSION + " on " + persona + " / " + what + " (" + driver.getCurrentUrl()
                    + "): " + violations.size() + " serious or critical violation(s)\n  " + String.join("\n  ", violations));
        }
    }

    /** Waits until no loading placeholder is left on the page (the data has rendered or failed visibly). */
    private void awaitRendered() {
        new WebDriverWait(driver, RENDERED, Duration.ofMillis(50)).withMessage("the page's data rendered")
                .until(d -> d.findElements(By.cssSelector(".loading, [aria-busy='true']")).isEmpty());
    }

    /** The whole page (beyond the window's height, up to 6000 px) as PNG, through the DevTools protocol. */
    private byte[] fullPage() {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(6000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Two animation frames: the layout after a resize has been painted. */
    private void settle() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(null)));");
    }

    private static List<String> disabledRules() {
        String rules = System.getProperty("partnerhub.axe.disable", "").trim();
        return rules.isEmpty() ? List.of() : List.of(rules.split("\\s*,\\s*"));
    }

    /** axe.min.js: -Dpartnerhub.axe, else target/axe-core/package/axe.min.js, fetched with npm pack when missing. */
    private static synchronized String axeScript() {
        if (axeSource == null) {
            try {
                String configured = System.getProperty("partnerhub.axe");
                Path script = configured != null ? Path.of(configured) : fetchAxe(Path.of("target", "axe-core"));
                axeSource = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core " + AXE_VERSION + " could not be read or fetched", e);
            }
        }
        return axeSource;
    }

    private static Path fetchAxe(Path dir) throws IOException {
        Path script = dir.resolve(Path.of("package", "axe.min.js"));
        Path version = dir.resolve("version");
        if (Files.isRegularFile(script) && Files.isRegularFile(version) && Files.readString(version).equals(AXE_VERSION)) {
            return script;
        }
        Files.createDirectories(dir);
        String tarball = "axe-core-" + AXE_VERSION + ".tgz";
        run(dir, "npm", "pack", "axe-core@" + AXE_VERSION, "--silent", "--pack-destination", ".");
        run(dir, "tar", "-xzf", tarball, "package/axe.min.js", "package/LICENSE");
        Files.delete(dir.resolve(tarball));
        Files.writeString(version, AXE_VERSION);
        return script;
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetch.log").toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed in " + dir.toAbsolutePath() + ": "
                        + Files.readString(dir.resolve("fetch.log")).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

}
