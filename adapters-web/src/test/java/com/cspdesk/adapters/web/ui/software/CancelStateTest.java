package com.cspdesk.adapters.web.ui.software;

import com.cspdesk.adapters.web.ui.shared.UiTexts;
import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.money.PriceQuote;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The cards' and the order page's word on cancelling: what the preview (the domain's policy) decided, and its texts. */
class CancelStateTest {

    private static final Instant UNTIL = Instant.parse("2026-12-07T10:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final UiTexts TEXTS = new UiTexts(new com.cspdesk.adapters.web.i18n.Messages());

    @Test
    void eachActiveRowGetsItsLinesDecisionAndEachOrderIsPreviewedOnce() {
        CancellationPreview open = preview("order-1", true, Optional.empty(),
                line(0, true, Optional.empty(), 3), line(1, true, Optional.empty(), 3));
        CancellationPreview passed = preview("order-2", false, Optional.of("cancellation_window_passed"),
                line(0, false, Optional.of("cancellation_window_passed"), 0));
        List<String> asked = new ArrayList<>();
        Map<String, CancelState> states = CancelState.of(List.of(row("a", "order-1", 0, true), row("b", "order-1", 1, true),
                row("c", "order-2", 0, true), row("d", "order-3", 0, false), row("e", "order-4", 0, true)), orderId -> {
                    asked.add(orderId);
                    return switch (orderId) {
                        case "order-1" -> Optional.of(open);
                        case "order-2" -> Optional.of(passed);
                        default -> Optional.empty();
                    };
                });

        assertThat(asked).containsExactly("order-1", "order-2", "order-4");
        assertThat(states).containsOnlyKeys("a", "b", "c");
        assertThat(states.get("a")).isEqualTo(new CancelState(true, 3, UNTIL, null));
        assertThat(states.get("a").windowPassed()).isFalse();
        assertThat(states.get("c").open()).isFalse();
        assertThat(states.get("c").windowPassed()).isTrue();
        assertThat(states.get("c").until()).isEqualTo(UNTIL);
    }

    @Test
    void aSupportRequestKeepsCancelOpenAndAPlanNeverHadAWindow() {
        CancellationPreview support = preview("order-1", false, Optional.of("support_request_required"),
                line(0, false, Optional.of("support_request_required"), 12));
        assertThat(CancelState.of(support, 0)).contains(new CancelState(true, 12, UNTIL, "support_request_required"));
        assertThat(CancelState.of(support).open()).isTrue();
        assertThat(CancelState.of(support, 5)).isEmpty();

        CancellationPreview plan = new CancellationPreview("order-2", false, Optional.of("not_cancellable"), Optional.empty(), 0,
                false, List.of(new CancellationPreview.Line(0, "SUSE", false, Optional.of("not_cancellable"), Optional.empty(), 0,
                PriceQuote.zero(EUR))), PriceQuote.zero(EUR));
        CancelState state = CancelState.of(plan);
        assertThat(state.open()).isFalse();
        assertThat(state.windowPassed()).isFalse();
        assertThat(state.reason()).isEqualTo("not_cancellable");
        assertThat(state.until()).isNull();
    }

    @Test
    void theDaysLeftAreWrittenWithEachLanguagesPluralForms() {
        assertThat(daysLeft("en", 0)).isEqualTo("Last day to cancel: until 7 Dec");
        assertThat(daysLeft("en", 1)).isEqualTo("1 day left to cancel, until 7 Dec");
        assertThat(daysLeft("en", 3)).isEqualTo("3 days left to cancel, until 7 Dec");
        assertThat(daysLeft("de", 1)).isEqualTo("Noch 1 Tag zum Stornieren, bis 7 Dec");
        assertThat(daysLeft("de", 60)).isEqualTo("Noch 60 Tage zum Stornieren, bis 7 Dec");
        assertThat(daysLeft("hu", 1)).isEqualTo("Még 1 nap van a megszakításra (7 Dec-ig)");
        assertThat(daysLeft("hu", 22)).isEqualTo("Még 22 nap van a megszakításra (7 Dec-ig)");
        assertThat(daysLeft("pl", 1)).isEqualTo("Na anulowanie został 1 dzień, do 7 Dec");
        assertThat(daysLeft("pl", 2)).isEqualTo("Czas na anulowanie: jeszcze 2 dni, do 7 Dec");
        assertThat(daysLeft("pl", 25)).isEqualTo("Czas na anulowanie: jeszcze 25 dni, do 7 Dec");
        assertThat(daysLeft("sv", 1)).isEqualTo("1 dag kvar att annullera, till 7 Dec");
        assertThat(daysLeft("sv", 5)).isEqualTo("5 dagar kvar att annullera, till 7 Dec");
        assertThat(daysLeft("tr", 1)).isEqualTo("İptal için 1 gün kaldı, 7 Dec tarihine kadar");
        assertThat(daysLeft("tr", 0)).isEqualTo("İptal için son gün: 7 Dec tarihine kadar");
        // The dialog's sentence has the same forms.
        assertThat(TEXTS.get("cancel.daysRemaining", Locale.ENGLISH, 1, "7 Dec")).isEqualTo("1 day remains to cancel this order (until 7 Dec).");
        assertThat(TEXTS.get("cancel.daysRemaining", Locale.GERMAN, 1, "7 Dec")).isEqualTo("Zum Stornieren dieser Bestellung verbleibt 1 Tag (bis 7 Dec).");
        assertThat(TEXTS.get("cancel.daysRemaining", Locale.forLanguageTag("sv"), 2, "7 Dec")).isEqualTo("Det återstår 2 dagar att annullera den här ordern (till 7 Dec).");
    }

    @Test
    void cancellingAPurchaseIsNeverTheWordThatDismissesADialogNorTheCancelledBadge() {
        for (String tag : List.of("en", "de", "hu", "pl", "sv", "tr")) {
            Locale locale = Locale.forLanguageTag(tag);
            String button = TEXTS.get("software.cancel", locale);
            assertThat(button).as(tag).isNotEqualTo(TEXTS.get("action.close", locale))
                    .isNotEqualTo(TEXTS.get("line.status.cancelled", locale))
                    .isNotEqualTo(TEXTS.get("order.status.cancelled", locale));
            for (CreditReason reason : CreditReason.values()) {
                assertThat(TEXTS.find("order.credits.reason." + reason.code(), locale)).as(tag + " " + reason).isPresent();
            }
        }
        // What dialogs say to be dismissed in each language (Abbrechen, Mégse, Anuluj, Avbryt, İptal) is not the purchase's.
        assertThat(TEXTS.get("software.cancel", Locale.GERMAN)).isEqualTo("Stornieren");
        assertThat(TEXTS.get("software.cancel", Locale.forLanguageTag("hu"))).isNotEqualTo("Mégse");
        assertThat(TEXTS.get("software.cancel", Locale.forLanguageTag("pl"))).isNotEqualTo("Anuluj");
        assertThat(TEXTS.get("software.cancel", Locale.forLanguageTag("sv"))).isNotEqualTo("Avbryt");
        assertThat(TEXTS.get("software.cancel", Locale.forLanguageTag("tr"))).isEqualTo("Satın almayı iptal et");
        assertThat(TEXTS.get("line.status.cancelled", Locale.forLanguageTag("tr"))).isEqualTo("İptal edildi");
    }

    private static String daysLeft(String tag, long days) {
        return TEXTS.get("software.cancelDaysLeft", Locale.forLanguageTag(tag), days, "7 Dec");
    }

    private static SoftwareRows row(String id, String orderId, int line, boolean active) {
        return new SoftwareRows(id, orderId, line, "P", "0001", "Product", "perpetual", UNTIL, active, active,
                List.of(), List.of(), List.of());
    }

    private static CancellationPreview preview(String orderId, boolean cancellable, Optional<String> reason,
                                               CancellationPreview.Line... lines) {
        return new CancellationPreview(orderId, cancellable, reason, Optional.of(UNTIL), lines[0].daysRemaining(),
                reason.filter("support_request_required"::equals).isPresent(), List.of(lines), PriceQuote.zero(EUR));
    }

    private static CancellationPreview.Line line(int number, boolean cancellable, Optional<String> reason, long days) {
        return new CancellationPreview.Line(number, "Product " + number, cancellable, reason, Optional.of(UNTIL), days,
                PriceQuote.zero(EUR));
    }
}
