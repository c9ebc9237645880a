package com.cspdesk.bootstrap.browser;

import com.cspdesk.bootstrap.e2e.EndToEnd;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tests of the dashboard: the whole product on a real embedded server and the throwaway
 * MariaDB (as {@link EndToEnd}), driven by Debian's Chromium, headless, one browser per test class.
 * Chromium and chromedriver are named explicitly (/usr/bin), so Selenium Manager never goes to the
 * network. The software store is a temporary folder the tests fill themselves.
 *
 * <p>Screenshots of the main screens (laptop 1366×900, and a phone 390×844) are written to
 * {@code bootstrap/target/screenshots/}, so a test run changes no tracked file. With
 * {@code -Dscreenshots.refresh=true} they replace the README's pictures in {@code docs/screenshots/}.
 */
public abstract class BrowserTest extends EndToEnd {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    static final String ADMIN_AGENT = "admin.agent@partner.demo";
    static final String SALES_AGENT = "sales.agent@partner.demo";
    static final String GLOBAL_ADMIN = "global.admin@partner.demo";
    static final String ACCOUNT_ADMIN = "account.admin@partner.demo";
    static final String CUSTOMER_ADMIN = "customer.admin@contoso.demo";
    static final String CONTOSO = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";
    static final String FABRIKAM = "7a2e4c61-3f0b-4d8e-9a15-6b4c2d1e0f93";
    static final String NORTHWIND = "9d3b1f27-6c4e-4a05-8b72-1e0f5a6c3d48";
    static final String WINDOWS_SERVER_2022_STANDARD = "DG7GMGF0BHXC";
    static final String SQL_SERVER_2022_STANDARD = "DG7GMGF0MGVZ";
    static final String RESERVED_VM = "DG7GMGF01Z2K";
    static final String AZURE_SUBSCRIPTION = "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70";
    static final String KEY_PATTERN = "[BCDFGHJKMNPQRTVWXY2346789]{5}(-[BCDFGHJKMNPQRTVWXY2346789]{5}){4}";

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer embeddedServer;
    @Inject
    JsonMapper jsonMapper;

    ChromeDriver browser;
    WebDriverWait wait;
    Path downloads;
    private final Path store = temporaryFolder("cspdesk-browser-store-");
    private Path profile;

    /** The browser's own language (its Accept-Language); English unless a test class says otherwise. */
    String browserLanguage() {
        return "en";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("cspdesk.software-store.path", store.toString());
        return properties;
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        profile = Files.createTempDirectory("cspdesk-chromium-profile-");
        downloads = Files.createTempDirectory("cspdesk-chromium-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=" + browserLanguage());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage(),
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", false));
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        laptop();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        deleteQuietly(profile);
        deleteQuietly(downloads);
        deleteQuietly(store);
    }

    // --- the browser

    String base() {
        return "http://localhost:" + embeddedServer.getPort();
    }

    void open(String path) {
        browser.get(base() + path);
    }

    String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
    }

    void signIn(String username, String password) {
        open("/ui/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        wait.until(d -> !path().equals("/ui/login"));
    }

    void signOut() {
        open("/ui/login");
        browser.manage().deleteCookieNamed("JWT");
    }

    /** Signs out with the account menu's button (a CSRF-protected POST), as a person would. */
    void signOutWithTheMenu() {
        browser.findElement(By.cssSelector("details[data-menu=account] > summary")).click();
        browser.findElement(By.cssSelector("form[action='/ui/logout'] button")).click();
        wait.until(d -> path().equals("/ui/login"));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    /** The open modal dialog (htmx swapped it into #dialog-host and app.js opened it). */
    WebElement dialog() {
        return wait.until(d -> {
            Object open = ((JavascriptExecutor) d).executeScript(
                    "var x = document.querySelector('#dialog-host dialog'); return x && x.open && x.matches(':modal') ? x : null;");
            return (WebElement) open;
        });
    }

    void closeDialog() {
        ((JavascriptExecutor) browser).executeScript("var x = document.querySelector('#dialog-host dialog'); if (x) x.close();");
        wait.until(d -> d.findElements(By.cssSelector("#dialog-host dialog")).isEmpty());
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    // --- accessibility: axe-core (npm, installed by the build under target/browser-tools) on the page as it is now

    /** The WCAG 2.1 A and AA rules (the bar), and the best practices axe files under the same levels. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static String axeSource;

    /**
     * Runs axe-core on the page as it is now (an open dialog included) and fails on any violation of
     * WCAG 2.1 A/AA, listing each rule, its impact and the elements it found. Loaded from the local
     * copy the build installed: the headless Chromium fetches nothing.
     */
    void assertAccessible(String pageName) {
        List<Map<String, Object>> violations = axeViolations();
        StringBuilder report = new StringBuilder();
        for (Map<String, Object> violation : violations) {
            report.append("\n  ").append(violation.get("id")).append(" (").append(violation.get("impact")).append("): ")
                    .append(violation.get("help"));
            for (Object node : (List<?>) violation.get("nodes")) {
                report.append("\n      ").append(String.valueOf(node).replace("\n", " "));
            }
        }
        assertThat(violations).as("axe-core WCAG 2.1 AA violations on %s (%s):%s", pageName, path(), report).isEmpty();
    }

    /** What axe-core finds on the page as it is now: each violation's id, impact, help and up to five elements. */
    List<Map<String, Object>> axeViolations() {
        script(axe());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return {id: v.id, impact: v.impact, help: v.help,
                              nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' — ' + n.failureSummary; })};
                    }));
                  }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
                """, WCAG_21_AA);
        return violations;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            Path file = repositoryRoot().resolve("bootstrap/target/browser-tools/node_modules/axe-core/axe.min.js");
            assertThat(file).as("axe-core, installed by the bootstrap build (npm ci under target/browser-tools)").isRegularFile();
            try {
                axeSource = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** What the page's clipboard holds now (permission granted to the test origin). */
    String clipboard() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });");
    }

    /** The session cookie of the signed-in browser, to read what a page links to (PDF, CSV) outside the browser. */
    String sessionCookie() {
        Cookie jwt = browser.manage().getCookieNamed("JWT");
        assertThat(jwt).as("signed in").isNotNull();
        assertThat(jwt.isHttpOnly()).isTrue();
        assertThat(jwt.getSameSite()).isEqualTo("Strict");
        return "JWT=" + jwt.getValue();
    }

    Path awaitDownload(String fileName) {
        Path file = downloads.resolve(fileName);
        wait.withTimeout(Duration.ofSeconds(20)).until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    // --- screenshots: under target/, or the README's pictures when refreshed on purpose

    /** The switch that makes the screenshots replace the README's pictures (off: they go under target/). */
    static final String REFRESH_SCREENSHOTS = "screenshots.refresh";

    void laptop() {
        viewport(1366, 900, false);
    }

    void phone() {
        viewport(390, 844, true);
    }

    private void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves the visible page as {@code <name>.png} in {@link #screenshotFolder()} (overwriting it). */
    void screenshot(String name) {
        script("window.scrollTo(0, 0);");
        script("document.activeElement && document.activeElement.blur && document.activeElement.tagName !== 'BODY' && "
                + "document.activeElement.closest('dialog') == null && document.activeElement.blur();");
        try {
            Path folder = screenshotFolder();
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bootstrap/target/screenshots/}, or {@code docs/screenshots/} with {@code -Dscreenshots.refresh=true}. */
    static Path screenshotFolder() {
        Path root = repositoryRoot();
        return Boolean.getBoolean(REFRESH_SCREENSHOTS)
                ? root.resolve("docs").resolve("screenshots")
                : root.resolve("bootstrap").resolve("target").resolve("screenshots");
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName() != null && here.getFileName().toString().equals("bootstrap") ? here.getParent() : here;
    }

    // --- set-up through the JSON API (the flows under test go through the pages)

    String apiLogin(String username, String password) {
        Api answer = api("POST", "/login", null, Map.of("username", username, "password", password));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return (String) answer.json().get("access_token");
    }

    String apiLogin(String username) {
        return apiLogin(username, DEMO_PASSWORD);
    }

    /** Buys {@code quantity} of the product's first SKU for the customer; returns the order id. */
    @SuppressWarnings("unchecked")
    String buy(String token, String tenant, String country, String productId, int quantity) {
        Map<String, Object> sku = ((List<Map<String, Object>>) api("GET", "/v1/products/" + productId + "/skus?country=" + country,
                token, null).json().get("items")).get(0);
        Map<String, Object> availability = ((List<Map<String, Object>>) api("GET", "/v1/products/" + productId + "/skus/"
                + sku.get("id") + "/availabilities?country=" + country, token, null).json().get("items")).get(0);
        Map<String, Object> line = new java.util.LinkedHashMap<>(Map.of("lineItemNumber", 0, "offerId", availability.get("catalogItemId"),
                "quantity", quantity));
        if (RESERVED_VM.equals(productId)) {
            // Issue #16: a reservation names the customer's Azure subscription and its scope.
            line.put("provisioningContext", Map.of("subscriptionId", AZURE_SUBSCRIPTION, "scope", "shared"));
        }
        Api order = api("POST", "/v1/customers/" + tenant + "/orders", token, Map.of("billingCycle", "one_time",
                "lineItems", List.of(line)), "MS-RequestId", UUID.randomUUID().toString());
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return (String) order.json().get("id");
    }

    String createCustomer(String token, String name, String domain, String country) {
        Api created = api("POST", "/v1/customers", token, Map.of("companyProfile", Map.of("companyName", name, "domain", domain),
                "billingProfile", Map.of("country", country)), "MS-RequestId", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    /** A file of random bytes in the software store for that choice; returns its bytes. */
    byte[] softwareFile(String productId, String version, String language, String bitness, String name, int size) {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        try {
            Path folder = store.resolve(productId).resolve(version).resolve(language).resolve(bitness);
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    Api api(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (body instanceof String raw) {
                request.method(method, HttpRequest.BodyPublishers.ofString(raw));
            } else {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(jsonMapper.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            recordApiAnswer(method, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
            return new Api(response.statusCode(), response.body(), response.headers().map(), jsonMapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer, its body as bytes, text or JSON. */
    record Api(int status, byte[] bytes, Map<String, List<String>> headers, JsonMapper mapper) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return mapper.readValue(bytes, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0));
        }
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }

}
