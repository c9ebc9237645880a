package com.cspdesk.adapters.web.ui.activity;

import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.ui.shared.Viewer;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An activity record's details as a reader reads them (issue #17 item 1): every key under a label
 * in the reader's language ({@code activity.detail.<key>}), amounts as money in the record's own
 * currency, instants as dates, yes/no and codes translated, and links to the order, the customer,
 * the invoice run and the support request the record names, for a reader who may open them.
 *
 * <p>What is never shown, whatever the reader may do:
 * <ul>
 *   <li>{@code linkId}: a download link's id. It is no secret by itself (the link's token is an
 *   HMAC of it under the server's key), but it is what a link is made from and means nothing to a
 *   reader; the file name, version and language say which download it was.</li>
 *   <li>{@code hint}: the first characters of an application secret. Made to tell secrets apart on
 *   the applications page, it is still part of a secret; the log says that a secret was added.</li>
 *   <li>any other key that reads like a credential (a token, secret, key, password hash, signature,
 *   a link's URI or URL), so a detail added later with such a name stays out of the page until it
 *   is given a label here. Only {@code password} with the value {@code reset} is shown (it names
 *   the act, not the password).</li>
 *   <li>{@code currency}, which every amount already shows, and {@code clientAddress}, which has a
 *   column of its own.</li>
 * </ul>
 * A key without a label (none is recorded today) is shown under its key, never its value if the
 * key looks secret.
 */
public final class ActivityDetails {

    /** The customized-data key of where an act came from, shown in a column of its own. */
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** One detail as shown: its label, its value as text, and where it leads (or null). */
    public record Detail(String key, String label, String value, @Nullable String href) {
    }

    private static final Set<String> NEVER_SHOWN = Set.of(CLIENT_ADDRESS, "currency", "linkId", "hint");
    /** Names that read like a credential: never shown (see the class comment). */
    private static final Pattern SECRET_LOOKING = Pattern.compile(
            "(?i).*(token|secret|key|password|passwd|signature|credential|uri|url|link|hash|otp|pin).*");
    private static final Set<String> AMOUNTS = Set.of("net", "tax", "gross", "creditGross", "totalGross", "chargeGross");
    /** Amounts written as {@code "12.50 EUR"} (support requests). */
    private static final Set<String> AMOUNTS_WITH_CURRENCY = Set.of("amountRequested", "approvedAmount");
    private static final Set<String> INSTANTS = Set.of("expiresAt", "termStart", "termEnd", "failingSince", "from", "to");
    private static final Set<String> BOOLEANS = Set.of("autoRenewEnabled", "noteAdded");
    private static final Set<String> NUMBERS = Set.of("lineItemNumber", "termNumber", "failures");
    private static final Set<String> BYTES = Set.of("bytes", "size");
    private static final Set<String> CUSTOMERS = Set.of("customerTenantId", "customerTenantIdBefore", "customerTenantIdAfter");
    private static final Set<String> ROLES = Set.of("roles", "rolesBefore", "rolesAfter");
    /** Codes and where their texts are. */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("status", "support.status."), Map.entry("statusFrom", "support.status."),
            Map.entry("side", "support.note.side."), Map.entry("category", "support.category."),
            Map.entry("bitness", "bitness."), Map.entry("scope", "activity.value.scope."),
            Map.entry("outcome", "activity.value.outcome."), Map.entry("reason", "activity.value.reason."),
            Map.entry("oldScope", "activity.value.reservationScope."), Map.entry("newScope", "activity.value.reservationScope."),
            Map.entry("detail", "activity.value.detail."), Map.entry("factor", "activity.value.factor."),
            Map.entry("password", "activity.value.password."));

    private final Formats fmt;
    private final Function<String, Optional<String>> texts;
    private final Viewer viewer;

    /**
     * @param texts a text of the reader's language by key (empty when there is none)
     * @param viewer who reads: links only to what they may open
     */
    public ActivityDetails(Formats fmt, Function<String, Optional<String>> texts, Viewer viewer) {
        this.fmt = fmt;
        this.texts = texts;
        this.viewer = viewer;
    }

    /** The record's details in recorded order, each labelled and formatted; the order first when the record is about one. */
    public List<Detail> of(ActivityRecordView record) {
        Map<String, String> data = record.customizedData() == null ? Map.of() : record.customizedData();
        List<Detail> shown = new ArrayList<>();
        // Records about an order name it as their resource; a cancellation recorded before #17 has no orderId.
        if (!data.containsKey("orderId") && Resource.ORDER.kind().equals(record.resourceKind()) && present(record.resourceId())) {
            shown.add(detail(record, "orderId", record.resourceId(), data));
        }
        if (Operation.READY_INVOICE.kind().equals(record.operationKind()) && present(record.resourceId())) {
            shown.add(new Detail("invoiceRun", label("invoiceRun"), text("activity.value.invoiceRun").orElse(record.resourceId()),
                    viewer.may(Permission.READ_INVOICES) ? UiUrls.INVOICES + "/runs/" + UiUrls.encode(record.resourceId()) : null));
        }
        if (Resource.SERVICE_REQUEST.kind().equals(record.resourceKind()) && present(record.resourceId())) {
            shown.add(new Detail("serviceRequestId", label("serviceRequestId"), record.resourceId(), supportHref(record.resourceId())));
        }
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey();
            if (key == null || NEVER_SHOWN.contains(key) || (looksSecret(key) && !isPasswordReset(key, entry.getValue()))) {
                continue;
            }
            if (key.equals("serviceRequestId") && Resource.SERVICE_REQUEST.kind().equals(record.resourceKind())) {
                continue;
            }
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (value.isBlank()) {
                continue;
            }
            shown.add(detail(record, key, value, data));
        }
        return shown;
    }

    /** Where the record's customer's page is, for a reader who may see customers; null otherwise. */
    @Nullable
    public String customerHref(ActivityRecordView record) {
        return present(record.customerId()) && viewer.canSeeCustomers() && viewer.may(Permission.VIEW_CUSTOMERS)
                ? UiUrls.CUSTOMERS + "/" + UiUrls.encode(record.customerId()) : null;
    }

    /** The address the act came from, or empty. */
    public String address(ActivityRecordView record) {
        return record.customizedData() == null ? "" : record.customizedData().getOrDefault(CLIENT_ADDRESS, "");
    }

    private Detail detail(ActivityRecordView record, String key, String value, Map<String, String> data) {
        String labelKey = key.equals("lineItems") && Operation.CREATE_ORDER.kind().equals(record.operationKind()) ? "lineCount" : key;
        return new Detail(key, label(labelKey), value(key, value, data), href(record, key, value));
    }

    private String label(String key) {
        return text("activity.detail." + key).orElse(key);
    }

    @Nullable
    private String href(ActivityRecordView record, String key, String value) {
        if (key.equals("orderId") && present(record.customerId()) && viewer.may(Permission.VIEW_ORDERS)) {
            return UiUrls.CUSTOMERS + "/" + UiUrls.encode(record.customerId()) + "/orders/" + UiUrls.encode(value);
        }
        if (CUSTOMERS.contains(key) && viewer.canSeeCustomers() && viewer.may(Permission.VIEW_CUSTOMERS)) {
            return UiUrls.CUSTOMERS + "/" + UiUrls.encode(value);
        }
        if (key.equals("serviceRequestId")) {
            return supportHref(value);
        }
        return null;
    }

    @Nullable
    private String supportHref(String id) {
        return viewer.may(Permission.FILE_SERVICE_REQUEST) ? UiUrls.SUPPORT + "/" + UiUrls.encode(id) : null;
    }

    /** One value the reader's way; a value of an unexpected shape (an older record, a hand-made row) as stored. */
    String value(String key, String value, Map<String, String> data) {
        try {
            if (AMOUNTS.contains(key) && data.get("currency") != null) {
                return fmt.amount(new BigDecimal(value), Currency.getInstance(data.get("currency")));
            }
            if (AMOUNTS_WITH_CURRENCY.contains(key)) {
                String[] parts = value.strip().split(" ");
                if (parts.length == 2) {
                    return fmt.amount(new BigDecimal(parts[0]), Currency.getInstance(parts[1]));
                }
            }
            if (INSTANTS.contains(key) || key.endsWith("At")) {
                return instant(value);
            }
            if (key.equals("billingMonth")) {
                return fmt.month(YearMonth.parse(value));
            }
            if (key.equals("backOff")) {
                return text("activity.value.minutes", Math.max(1, Duration.parse(value).toMinutes())).orElse(value);
            }
            if (BOOLEANS.contains(key)) {
                return text(Boolean.parseBoolean(value) ? "activity.value.yes" : "activity.value.no").orElse(value);
            }
            if (NUMBERS.contains(key) || (key.equals("lineItems") && !value.contains(","))) {
                return fmt.number(Long.parseLong(value));
            }
            if (key.equals("lineItems")) {
                return Arrays.stream(value.split(",")).map(String::strip).map(n -> fmt.number(Long.parseLong(n)))
                        .collect(Collectors.joining(", "));
            }
            if (BYTES.contains(key)) {
                return text("activity.value.bytes", fmt.number(Long.parseLong(value))).orElse(value);
            }
            if (key.equals("language")) {
                return fmt.language(value);
            }
            if (key.equals("country")) {
                return fmt.countryCode(value);
            }
            if (ROLES.contains(key)) {
                return value.isBlank() ? "" : Arrays.stream(value.split(",")).map(String::strip)
                        .map(role -> text("role." + role).orElse(role)).collect(Collectors.joining(", "));
            }
            if (CODES.containsKey(key)) {
                return text(CODES.get(key) + value.strip().toLowerCase(Locale.ROOT)).orElse(value);
            }
            if (key.equals("offerIds") || key.equals("webhookEvents")) {
                return String.join(", ", value.split(","));
            }
        } catch (RuntimeException notThatShape) {
            // Stored by an older version or by hand: shown as it is.
        }
        return value;
    }

    private String instant(String value) {
        try {
            return fmt.dateTime(Instant.parse(value));
        } catch (RuntimeException notAnInstant) {
            return fmt.date(LocalDate.parse(value));
        }
    }

    private static boolean looksSecret(String key) {
        return SECRET_LOOKING.matcher(key).matches();
    }

    private static boolean isPasswordReset(String key, String value) {
        return key.equals("password") && "reset".equals(value);
    }

    private Optional<String> text(String key, Object... arguments) {
        Optional<String> found = texts.apply(key);
        return arguments.length == 0 ? found : found.map(pattern -> new java.text.MessageFormat(pattern, fmt.locale())
                .format(arguments));
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
