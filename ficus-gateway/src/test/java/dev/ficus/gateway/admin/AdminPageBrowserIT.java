package dev.ficus.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The admin page as a person uses it, in Debian's headless Chromium driven through chromedriver: a wrong token is
 * refused and changes nothing; the right one shows the flags the admin API lists; turning a flag on with a reason
 * writes the store and lands in the history; the charts draw this gateway's traffic. A screenshot of the page is
 * left at target/admin-page-browser/admin-page.png.
 */
class AdminPageBrowserIT {
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", "."), "target", "admin-page-browser",
            "admin-page.png");

    @TempDir
    Path dir;

    @Test
    void aPersonSignsInSeesTheFlagsTurnsOneOnWithAReasonAndTheChartsDrawTheTraffic() throws Exception {
        ExternalTool chromium = ExternalTool.find("chromium", "apt-get install chromium");
        ExternalTool chromedriver = ExternalTool.find("chromedriver", "apt-get install chromium-driver");
        assumeTrue(chromium.present(), chromium.missing());
        assumeTrue(chromedriver.present(), chromedriver.missing());

        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_ADMIN_CHART_INTERVAL", "500ms"),
                Map.of("catalog_read", "false"));
             Browser browser = new Browser(chromium.path(), chromedriver.path(), dir.resolve("chromium-profile"))) {
            WebDriver page = browser.driver;
            page.get(fx.managementUrl("/_ficus/admin"));
            assertThat(page.getTitle()).contains("Ficus gateway");

            // a wrong token: the admin API refuses it, the page says so and stays at the sign-in form
            signIn(page, "not-the-token", "");
            waitFor(() -> page.findElement(By.id("status")).getText(),
                    t -> t.contains("A valid admin token is required"));
            assertThat(page.findElement(By.id("login")).isDisplayed()).isTrue();
            assertThat(page.findElement(By.id("main")).isDisplayed()).isFalse();

            signIn(page, GatewayFixture.ADMIN_TOKEN, "browser-it");
            waitFor(() -> page.findElements(By.cssSelector("#flags article.flag")).size(), n -> n == 4);
            List<String> shown = page.findElements(By.cssSelector("#flags article.flag h3")).stream()
                    .map(WebElement::getText).toList();
            assertThat(shown).containsExactlyElementsOf(
                    fx.admin().list().stream().map(FlagView::flag).toList());
            WebElement catalog = page.findElement(By.id("flag-catalog_read"));
            assertThat(catalog.findElement(By.cssSelector(".badge")).getText()).isEqualTo("off");

            // no reason: refused by the page before anything is sent
            catalog.findElement(By.cssSelector("button.enable")).click();
            assertThat(catalog.findElement(By.cssSelector(".result")).getText()).contains("A reason is required");
            assertThat(fx.flagFile("catalog_read")).isEqualTo("false");

            catalog.findElement(By.cssSelector("input.reason")).sendKeys("browser test: catalog on");
            catalog.findElement(By.cssSelector("button.enable")).click();
            waitFor(() -> page.findElement(By.cssSelector("#flag-catalog_read .result")).getText(),
                    t -> t.contains("catalog_read is now true (on)"));
            assertThat(fx.flagFile("catalog_read")).isEqualTo("true");
            // the history, newest first (the page re-renders every few seconds, so read it whole each time)
            String newest = waitFor(() -> page.findElement(By.cssSelector("#flag-catalog_read details tbody tr"))
                    .getDomProperty("textContent"), t -> t != null && t.contains("admin-api"));
            assertThat(newest).contains("enable", "false → true", "admin-api (browser-it)",
                    "browser test: catalog on");
            assertThat(fx.admin().list().get(0).history()).last()
                    .satisfies(h -> assertThat(h.reason()).isEqualTo("browser test: catalog on"));

            // traffic through the shop's port: the service answers catalog reads now, Magento the rest
            for (int i = 0; i < 20; i++) {
                fx.http.get(fx.url("/rest/V1/products/sku-" + i));
                fx.http.get(fx.url("/rest/V1/orders/" + i));
            }
            for (String chart : List.of("chart-routed", "chart-p99", "chart-fallbacks", "chart-lag")) {
                waitFor(() -> Integer.parseInt(page.findElement(By.cssSelector("#" + chart + " svg"))
                        .getDomAttribute("data-points")), n -> n > 0);
            }
            waitFor(() -> page.findElements(By.cssSelector("#chart-routed polyline[data-domain='catalog']")).size(),
                    n -> n == 1);

            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(SCREENSHOT)).isPositive();
        }
    }

    /** The page renders from the admin API in the background: read until it shows what is expected. */
    private static <T> T waitFor(Callable<T> read, Predicate<T> shown) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(read, shown);
    }

    private static void signIn(WebDriver page, String token, String actor) {
        WebElement field = page.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        WebElement who = page.findElement(By.id("actor"));
        who.clear();
        who.sendKeys(actor);
        page.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    /** Chromium as the brief for CI has it: headless, no sandbox, no network of its own, a fresh profile. */
    private static final class Browser implements AutoCloseable {
        final WebDriver driver;

        Browser(Path chromium, Path chromedriver, Path profile) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,2000");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            this.driver = new ChromeDriver(service, options);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
