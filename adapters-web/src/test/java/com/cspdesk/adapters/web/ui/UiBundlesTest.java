package com.cspdesk.adapters.web.ui;

import com.cspdesk.adapters.web.ui.activity.ActivityPagesController;
import com.cspdesk.adapters.web.ui.support.SupportPagesController;
import com.cspdesk.adapters.web.ui.shared.UiTexts;

import com.cspdesk.adapters.web.i18n.BundleChecks;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's texts exist in all six languages ({@code i18n/ui*.properties}), every pattern is a
 * valid MessageFormat with the English placeholders, and every key a template or a page controller
 * uses is in the bundles — so no screen ever shows {@code ??key_hu??}.
 */
class UiBundlesTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Path UI_SOURCES = Path.of("src/main/java/com/cspdesk/adapters/web/ui");
    /** {@code #{key}} and {@code #{key(…)}} with a literal key. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[(}]");
    /** A literal key in the page controllers: "error.customer_not_found", "flash.order_placed" … */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:error|flash|activity|invoices|invoice|support|cancel|login|home|customers|customer|order|products|software|billing|app)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() {
        BundleChecks.sameKeysInEveryLanguage("ui", 201);
    }

    @Test
    void everyPatternFormatsAndKeepsItsPlaceholders() {
        BundleChecks.patternsFormatAndKeepPlaceholders("ui");
    }

    @Test
    void everyKeyATemplateUsesIsInTheBundles() throws IOException {
        Set<String> english = BundleChecks.load("ui", Locale.ENGLISH).stringPropertyNames();
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(key -> !key.startsWith("problem.") && !key.startsWith("field."))
                .filter(key -> !english.contains(key)).distinct().toList()).as("keys used by templates but in no bundle").isEmpty();
    }

    @Test
    void everyKeyThePageControllersNameIsInTheBundles() throws IOException {
        Set<String> english = BundleChecks.load("ui", Locale.ENGLISH).stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(UI_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = JAVA_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!english.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Keys the templates build from values ({@code 'order.status.' + status}): one for every value. */
    @Test
    void everyKeyBuiltFromAValueIsInTheBundles() throws IOException {
        Set<String> english = BundleChecks.load("ui", Locale.ENGLISH).stringPropertyNames();
        List<String> expected = new ArrayList<>();
        for (Role role : Role.values()) {
            expected.add("role." + role.name());
        }
        for (ContractType type : ContractType.values()) {
            expected.add("contract." + type.code());
        }
        for (Bitness bitness : Bitness.values()) {
            expected.add("bitness." + bitness.code());
        }
        for (OrderStatus status : OrderStatus.values()) {
            expected.add("order.status." + status.code());
        }
        for (LineStatus status : LineStatus.values()) {
            expected.add("line.status." + status.code());
        }
        for (TargetView view : List.of(TargetView.SOFTWARE_PERPETUAL, TargetView.SOFTWARE_SUBSCRIPTIONS,
                TargetView.AZURE_RESERVATIONS_VM, TargetView.AZURE_RESERVATIONS_SQL)) {
            expected.add("products.view." + view.code());
        }
        for (String impact : SupportPagesController.IMPACTS) {
            expected.add("support.impact." + impact);
        }
        for (String kind : ActivityPagesController.KINDS) {
            expected.add("activity.op." + kind);
        }
        for (String reason : List.of("start_date_too_old", "date_range_invalid", "filter_invalid")) {
            expected.add("activity.refused." + reason);
        }
        for (String status : List.of("running", "completed", "skipped", "failed")) {
            expected.add("invoices.run.status." + status);
        }
        for (int status : new int[]{400, 401, 403, 404, 409, 410, 422, 500}) {
            expected.add("error." + status + ".title");
        }
        expected.addAll(List.of("term.P1Y", "term.P3Y", "support.status.open", "invoice.charges", "invoice.credits"));
        assertThat(expected.stream().filter(key -> !english.contains(key)).toList()).isEmpty();
    }

    @Test
    void theTextsFallBackToEnglishNeverToTheServersLanguage() {
        UiTexts texts = new UiTexts(new com.cspdesk.adapters.web.i18n.Messages());
        assertThat(texts.get("nav.customers", Locale.forLanguageTag("hu"))).isEqualTo("Ügyfelek");
        assertThat(texts.get("nav.customers", Locale.forLanguageTag("hu-HU"))).isEqualTo("Ügyfelek");
        assertThat(texts.get("nav.customers", Locale.forLanguageTag("fr"))).isEqualTo("Customers");
        assertThat(texts.get("software.getKeysAndDownloads", Locale.GERMAN)).isEqualTo("Schlüssel und Downloads abrufen");
        assertThat(texts.get("cancel.daysRemaining", Locale.forLanguageTag("hu"), 12, "2027. jan. 20."))
                .isEqualTo("Még 12 nap van a rendelés megszakítására (2027. jan. 20.-ig).");
        assertThat(texts.find("no.such.key", Locale.ENGLISH)).isEmpty();
        // The JSON API's texts are reachable under their own keys, in the same language.
        assertThat(texts.get("problem.forbidden.title", Locale.forLanguageTag("hu"))).isEqualTo("Nem engedélyezett");
    }
}
