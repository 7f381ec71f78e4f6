package id.pintu.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver against the hub's random port. Both paths are
 * given explicitly, so Selenium Manager never runs and nothing is downloaded. Skipped (assumption) only where
 * Chromium is not installed; CI installs it.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Chromium instances of this JVM that no test is using. Starting one (a fresh profile, chromedriver, the browser)
     * took 3 to 4 s on two busy cores, some forty times a run: a browser is handed back clean instead (no cookies,
     * no stored data, the usual window, a blank page) and taken by the next test; a browser that cannot be cleaned
     * is quit. Those left are quit when the JVM ends.
     */
    private static final Deque<Chromium> IDLE = new ArrayDeque<>();

    private record Chromium(ChromeDriver driver, Path profile) {}

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Browser::quit);
                IDLE.clear();
            }
        }, "browser-pool-shutdown"));
    }

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final String base;

    private Browser(Chromium chromium, int port) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.base = "http://localhost:" + port;
    }

    private static Chromium start() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("pintu-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=id-ID", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /** Whether Chromium and chromedriver are installed (a test without them is skipped by {@link #open}). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser open(int port) {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at " + CHROMEDRIVER);
        Chromium idle;
        synchronized (IDLE) {
            idle = IDLE.poll();
        }
        try {
            return new Browser(idle != null ? idle : start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Logs in through the login page, with the keyboard only (Tab to the password, Enter to submit). */
    public Browser login(String user) {
        go("/masuk");
        WebElement name = driver.findElement(By.id("username"));
        name.sendKeys(user);
        name.sendKeys(org.openqa.selenium.Keys.TAB);
        driver.switchTo().activeElement().sendKeys("demo");
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/masuk")));
        return this;
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return find(by).getText();
    }

    <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /**
     * Waits until the page holding {@code element} has been replaced (after a click that submits its form). The old
     * element is then stale, or, while Chromium swaps the documents, its node "does not belong to the document": an
     * error that Selenium's own staleness condition does not take for staleness (it failed a test once).
     */
    void waitUntilGone(WebElement element) {
        waitFor(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    Object script(String js) {
        return driver.executeScript(js);
    }

    /** Keeps a screenshot of the page as a test artifact: target/screenshots/NAME.png (full page height). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Long height = (Long) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280,
                    (int) Math.min(Math.max(height == null ? 1000 : height, 700), 4000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone-sized screenshot, to see the page on a small screen. */
    Path phoneScreenshot(String name) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    /** Hands the browser back for the next test, clean, or quits it if it cannot be cleaned. */
    @Override
    public void close() {
        try {
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        } catch (WebDriverException e) {
            quit(chromium);
            return;
        }
        synchronized (IDLE) {
            IDLE.push(chromium);
        }
    }

    /** Quits the browser instead of handing it on: what it holds (HTTP Basic credentials) must not reach a test. */
    public void discard() {
        quit(chromium);
    }

    private static void quit(Chromium chromium) {
        try {
            chromium.driver().quit();
        } catch (WebDriverException e) {
            // already gone
        } finally {
            try (Stream<Path> files = Files.walk(chromium.profile())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // The profile lives in the temp folder; a left-over is harmless.
            }
        }
    }
}
