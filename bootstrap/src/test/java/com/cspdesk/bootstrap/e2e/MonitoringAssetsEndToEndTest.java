package com.cspdesk.bootstrap.e2e;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #18: the Grafana dashboard ({@code ops/grafana/cspdesk-dashboard.json}) and the Prometheus alert rules
 * ({@code ops/prometheus/cspdesk-alerts.yml}) parse, and every metric their PromQL names is one the running
 * product reports at {@code /prometheus} (the business counters from the start, at zero). A metric renamed
 * in the code, or misspelt in a file, fails here instead of leaving a panel empty or an alert that never fires.
 */
@MicronautTest(transactional = false)
class MonitoringAssetsEndToEndTest extends EndToEnd {

    /** Series Prometheus makes itself for each target, not the product. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    @Test
    void everyMetricTheDashboardAndTheAlertRulesUseIsOneTheProductReports() throws IOException {
        String admin = loginDemo("global.admin@partner.demo");
        // Requests of every kind the HTTP panels read (a 200, a 404), and a pool that has served them.
        send("GET", "/v1/customers", admin, null);
        send("GET", "/v1/customers/no-such-customer", admin, null);

        Set<String> reported = sampleNames(scrape(admin));
        Map<String, Set<String>> used = new java.util.LinkedHashMap<>();
        dashboardExpressions().forEach(expr -> used.put("dashboard: " + expr, metricNames(expr)));
        alertExpressions().forEach(expr -> used.put("alerts: " + expr, metricNames(expr)));

        assertThat(used).isNotEmpty();
        Set<String> all = used.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        // The extraction finds what the files are about (a broken extraction finding nothing would pass vacuously).
        assertThat(all).contains("http_server_requests_seconds_bucket", "hikaricp_connections_pending", "jvm_memory_used_bytes",
                "cspdesk_orders_placed_total", "cspdesk_sign_in_failures_total", "cspdesk_invoice_run_duration_seconds_count",
                "cspdesk_webhook_attempt_duration_seconds_count", "cspdesk_webhook_deliveries_pending", "up");
        List<String> missing = new ArrayList<>();
        used.forEach((where, names) -> names.stream()
                .filter(name -> !reported.contains(name) && !MADE_BY_PROMETHEUS.contains(name))
                .forEach(name -> missing.add(name + " (" + where + ")")));
        assertThat(missing).as("metrics used but not reported; the product reports %s",
                reported.stream().filter(name -> name.startsWith("cspdesk_")).toList()).isEmpty();
    }

    @Test
    void aFailedSignInIsCountedByItsReasonOnceItsRecordCommittedNeverWithTheName() {
        String admin = loginDemo("global.admin@partner.demo");
        double before = value(scrape(admin), "cspdesk_sign_in_failures_total{reason=\"password\"}");

        Answer refused = send("POST", "/login", null, Map.of("username", "metrics.probe@partner.demo", "password", "wrong"));

        assertThat(refused.status()).isEqualTo(401);
        String after = scrape(admin);
        assertThat(value(after, "cspdesk_sign_in_failures_total{reason=\"password\"}")).isEqualTo(before + 1);
        assertThat(value(after, "cspdesk_sign_in_failures_total{reason=\"second_factor\"}")).isZero();
        assertThat(after).doesNotContain("metrics.probe");
    }

    @Test
    void anOrderAndTheCancellationOfALineWithItsCreditAreCountedAndARefusedCancellationIsNot() {
        String admin = loginDemo("global.admin@partner.demo");
        String agent = loginDemo("admin.agent@partner.demo");
        CancellationEndToEndTest.Shop shop = new CancellationEndToEndTest.Shop(this);
        String tenant = shop.createCustomer(agent, "Counted GmbH", "DE");
        String offer = shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE");
        String before = scrape(admin);

        Map<String, Object> order = shop.order(agent, tenant, CancellationEndToEndTest.Shop.line(0, offer, 1),
                CancellationEndToEndTest.Shop.line(1, offer, 1));
        Answer cancelled = shop.cancel(agent, tenant, (String) order.get("id"), 1);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Answer again = shop.cancel(agent, tenant, (String) order.get("id"), 1);
        assertThat(again.status()).as(again.toString()).isNotEqualTo(200);

        String after = scrape(admin);
        for (String counted : List.of("cspdesk_orders_placed_total", "cspdesk_order_cancellations_total",
                "cspdesk_order_lines_cancelled_total", "cspdesk_credit_notes_issued_total")) {
            assertThat(value(after, counted) - value(before, counted)).as(counted).isEqualTo(1);
        }
    }

    @Test
    void anInvoiceRunIsTimedByItsOutcome() throws InterruptedException {
        String admin = loginDemo("global.admin@partner.demo");
        String completed = "cspdesk_invoice_run_duration_seconds_count{outcome=\"completed\"}";
        double before = value(scrape(admin), completed);

        assertThat(invoiceRunToItsEnd(admin, YearMonth.of(2021, 3))).containsEntry("status", "completed");

        // The run is stored as completed a moment before its timing stops: wait for the count (bounded).
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (value(scrape(admin), completed) == before && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        String after = scrape(admin);
        assertThat(value(after, completed)).isEqualTo(before + 1);
        assertThat(value(after, "cspdesk_invoice_run_duration_seconds_count{outcome=\"failed\"}")).isZero();
    }

    @Test
    void theAlertRulesAndTheDashboardAreWellFormed() throws IOException {
        Map<String, Object> dashboard = dashboard();
        assertThat(dashboard).containsKeys("title", "uid", "panels");
        for (Map<String, Object> panel : maps(dashboard.get("panels"))) {
            if (!"row".equals(panel.get("type"))) {
                assertThat(maps(panel.get("targets"))).as("panel %s", panel.get("title")).isNotEmpty()
                        .allSatisfy(target -> assertThat((String) target.get("expr")).isNotBlank());
            }
        }
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> rule : rules) {
            assertThat(rule).as("rule %s", rule.get("alert")).containsKeys("alert", "expr", "labels", "annotations");
            assertThat((String) rule.get("alert")).matches("CspDesk[A-Za-z]+");
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).isIn("warning", "critical");
            assertThat(((Map<?, ?>) rule.get("annotations")).get("summary")).isNotNull();
            if (rule.containsKey("for")) {
                assertThat((String) rule.get("for")).matches("[0-9]+[smh]");
            }
        }
        assertThat(rules.stream().map(rule -> (String) rule.get("alert")).distinct()).hasSameSizeAs(rules);
    }

    @Test
    void theMetricNamesAreReadFromPromQlNotFromItsFunctionsLabelsOrRanges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{instance=~\"$instance\", status=~\"5..\"}[$__rate_interval]))) > 0.5 and on(instance) up == 0"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up");
        assertThat(metricNames("sum(rate(cspdesk_orders_placed_total[5m])) * 60 / ignoring(kind) jvm_x_bytes offset 1h"))
                .containsExactlyInAnyOrder("cspdesk_orders_placed_total", "jvm_x_bytes");
    }

    /** The metric names in a PromQL expression: what is left once strings, label matchers, ranges, groupings and calls are gone. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PROMQL_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    private String scrape(String token) {
        Answer metrics = send("GET", "/prometheus", token, null);
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    /** The names of the samples a scrape holds ({@code name{labels} value} or {@code name value}). */
    private static Set<String> sampleNames(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    /** The value of one sample, named with its labels exactly as the scrape writes them. */
    private static double value(String scrape, String sample) {
        return scrape.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).strip().split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no sample " + sample));
    }

    private static Path ops(String file) {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Stream.of(base.resolve("ops").resolve(file), base.resolve("../ops").resolve(file))
                .filter(Files::isRegularFile).findFirst().orElseThrow(() -> new AssertionError("no ops/" + file + " near " + base));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard() throws IOException {
        return JsonMapper.createDefault().readValue(Files.readAllBytes(ops("grafana/cspdesk-dashboard.json")), Map.class);
    }

    private static List<String> dashboardExpressions() throws IOException {
        return maps(dashboard().get("panels")).stream()
                .flatMap(panel -> maps(panel.getOrDefault("targets", List.of())).stream())
                .map(target -> (String) target.get("expr")).toList();
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ops("prometheus/cspdesk-alerts.yml")));
        return maps(file.get("groups")).stream().flatMap(group -> maps(group.get("rules")).stream()).toList();
    }

    private static List<String> alertExpressions() throws IOException {
        return alertRules().stream().map(rule -> (String) rule.get("expr")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return (List<Map<String, Object>>) list;
    }
}
