package com.cspdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.order.OrderPlacement.Part;
import com.cspdesk.domain.order.OrderPlacement.Reason;
import com.cspdesk.domain.order.OrderPlacementPolicy.Line;
import com.cspdesk.domain.order.OrderPlacementPolicy.Offer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderPlacementPolicyTest {

    private static final Market HUNGARY = Market.of("HU");
    private static final Market GREENLAND = Market.of("GL");
    private static final String ONE_TIME = "one_time";
    private static final OrderPlacementPolicy POLICY = new OrderPlacementPolicy(ProductAvailability.asInSpec(), MarketCurrencies.defaults());

    /** Windows Server, SKU 0001, sold 2 to 10 per order, in forints. */
    private static final Offer RANGED = offer("DG7GMGF0FKZV:0001:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 2, 10);
    /** The same SKU through another availability: it shares the SKU's range. */
    private static final Offer RANGED_OTHER_AVAILABILITY = offer("DG7GMGF0FKZV:0001:AVHUF2", ProductKind.PERPETUAL_SOFTWARE, "HUF", 2, 10);
    /** Another SKU of the same product: a range of its own. */
    private static final Offer OTHER_SKU = offer("DG7GMGF0FKZV:0002:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 2, 10);
    private static final Offer WIDE = offer("DG7GMGF043ZJ:0001:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 1, 1000);

    private static Offer offer(String id, ProductKind kind, String currency, int minimum, int maximum) {
        return new Offer(new OfferId(id), kind, Currency.getInstance(currency), minimum, maximum, Set.of(ONE_TIME));
    }

    private static Line line(int number, Offer offer, int quantity) {
        return new Line(number, Optional.of(offer), quantity);
    }

    private static OrderPlacement check(Line... lines) {
        return POLICY.check(HUNGARY, ONE_TIME, Arrays.asList(lines));
    }

    private static void assertAccepted(OrderPlacement placement) {
        assertThat(placement).isInstanceOf(OrderPlacement.Accepted.class);
    }

    private static OrderPlacement.Refused assertRefused(OrderPlacement placement, Reason reason, int lineIndex) {
        assertThat(placement).isInstanceOf(OrderPlacement.Refused.class);
        OrderPlacement.Refused refused = (OrderPlacement.Refused) placement;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.lineIndex()).isEqualTo(OptionalInt.of(lineIndex));
        return refused;
    }

    private static List<Line> wideLines(int count) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(i, WIDE, 1));
        }
        return lines;
    }

    @Nested
    class Line_count {

        @Test
        void no_line_is_refused_for_the_list_as_a_whole() {
            OrderPlacement placement = POLICY.check(HUNGARY, ONE_TIME, List.of());

            assertThat(placement).isEqualTo(new OrderPlacement.Refused(Reason.LINE_ITEMS_INVALID, OptionalInt.empty(), List.of("50")));
            assertThat(((OrderPlacement.Refused) placement).part()).isEqualTo(Part.LINE_ITEMS);
        }

        @Test
        void one_and_fifty_lines_are_accepted() {
            assertAccepted(POLICY.check(HUNGARY, ONE_TIME, wideLines(1)));
            assertAccepted(POLICY.check(HUNGARY, ONE_TIME, wideLines(50)));
        }

        @Test
        void fifty_one_lines_are_refused() {
            OrderPlacement placement = POLICY.check(HUNGARY, ONE_TIME, wideLines(51));

            assertThat(placement).isEqualTo(new OrderPlacement.Refused(Reason.LINE_ITEMS_INVALID, OptionalInt.empty(), List.of("50")));
            assertThat(OrderPlacementPolicy.MAX_LINE_ITEMS).isEqualTo(50);
        }
    }

    @Nested
    class Line_numbers {

        @Test
        void numbers_start_at_zero_and_need_not_follow_each_other() {
            assertAccepted(check(line(0, WIDE, 1)));
            assertAccepted(check(line(7, WIDE, 1), line(3, WIDE, 1)));
        }

        @Test
        void a_negative_number_is_refused() {
            OrderPlacement.Refused refused = assertRefused(check(line(0, WIDE, 1), line(-1, WIDE, 1)), Reason.LINE_ITEM_NUMBER_INVALID, 1);

            assertThat(refused.part()).isEqualTo(Part.LINE_ITEM_NUMBER);
            assertThat(refused.arguments()).containsExactly("-1");
        }

        @Test
        void a_number_used_twice_is_refused_on_its_second_line() {
            OrderPlacement.Refused refused = assertRefused(check(line(3, WIDE, 1), line(4, WIDE, 1), line(3, WIDE, 1)),
                    Reason.LINE_ITEM_NUMBER_DUPLICATE, 2);

            assertThat(refused.part()).isEqualTo(Part.LINE_ITEM_NUMBER);
            assertThat(refused.arguments()).containsExactly("3");
        }
    }

    @Nested
    class Offers {

        @Test
        void an_offer_the_catalog_lacks_is_refused() {
            OrderPlacement.Refused refused = assertRefused(check(line(0, WIDE, 1), new Line(1, Optional.empty(), 1)), Reason.OFFER_INVALID, 1);

            assertThat(refused.part()).isEqualTo(Part.OFFER);
            assertThat(refused.arguments()).isEmpty();
            assertThat(refused.reason().businessRule()).isFalse();
        }

        @Test
        void an_azure_reservation_is_a_business_refusal_in_greenland_and_sold_in_hungary() {
            Offer greenlandReservation = offer("DZH318Z0BQ4L:003C:AVUSD", ProductKind.AZURE_RESERVATION_VM, "USD", 1, 100);
            Offer hungarianReservation = offer("DZH318Z0BQ4L:003C:AVHUF", ProductKind.AZURE_RESERVATION_VM, "HUF", 1, 100);

            OrderPlacement.Refused refused = assertRefused(POLICY.check(GREENLAND, ONE_TIME, List.of(line(0, greenlandReservation, 1))),
                    Reason.MARKET_UNAVAILABLE, 0);
            assertThat(refused.part()).isEqualTo(Part.OFFER);
            assertThat(refused.arguments()).containsExactly("GL");
            assertThat(refused.reason().businessRule()).isTrue();
            assertAccepted(check(line(0, hungarianReservation, 1)));
        }

        @Test
        void other_kinds_sell_in_greenland_in_its_currency() {
            Offer dollars = offer("DG7GMGF0FKZV:0001:AVUSD", ProductKind.PERPETUAL_SOFTWARE, "USD", 1, 10);

            assertAccepted(POLICY.check(GREENLAND, ONE_TIME, List.of(line(0, dollars, 1))));
        }

        @Test
        void an_offer_in_another_currency_than_the_market_is_refused() {
            Offer euros = offer("DG7GMGF0FKZV:0001:AVEUR", ProductKind.PERPETUAL_SOFTWARE, "EUR", 1, 10);

            OrderPlacement.Refused refused = assertRefused(check(line(0, euros, 1)), Reason.OFFER_NOT_FOR_MARKET, 0);
            assertThat(refused.part()).isEqualTo(Part.OFFER);
            assertThat(refused.arguments()).containsExactly("HU", "HUF");
        }
    }

    @Nested
    class Quantities {

        @Test
        void one_line_accepts_the_minimum_and_the_maximum() {
            assertAccepted(check(line(0, RANGED, 2)));
            assertAccepted(check(line(0, RANGED, 10)));
        }

        @Test
        void one_line_refuses_one_below_the_minimum_and_one_above_the_maximum() {
            OrderPlacement.Refused belowMinimum = assertRefused(check(line(0, RANGED, 1)), Reason.QUANTITY_OUT_OF_RANGE, 0);
            assertThat(belowMinimum.part()).isEqualTo(Part.QUANTITY);
            assertThat(belowMinimum.arguments()).containsExactly("2", "10");
            assertRefused(check(line(0, RANGED, 11)), Reason.QUANTITY_OUT_OF_RANGE, 0);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void a_line_needs_at_least_one_even_when_its_sku_reaches_the_minimum_without_it(int quantity) {
            assertRefused(check(line(0, RANGED, 2), line(1, RANGED, quantity)), Reason.QUANTITY_OUT_OF_RANGE, 1);
        }

        @Test
        void two_lines_of_one_sku_may_sum_up_to_the_maximum() {
            assertAccepted(check(line(0, RANGED, 5), line(1, RANGED, 5)));
        }

        @Test
        void two_lines_of_one_sku_that_each_fit_but_sum_past_the_maximum_are_refused_on_the_line_that_passes_it() {
            assertRefused(check(line(0, RANGED, 5), line(1, RANGED, 6)), Reason.QUANTITY_OUT_OF_RANGE, 1);
            assertRefused(check(line(0, RANGED, 10), line(1, RANGED, 10)), Reason.QUANTITY_OUT_OF_RANGE, 1);
            assertRefused(check(line(0, RANGED, 10), line(1, WIDE, 1), line(2, RANGED, 2)), Reason.QUANTITY_OUT_OF_RANGE, 2);
        }

        @Test
        void a_line_past_the_maximum_on_its_own_is_refused_on_itself() {
            assertRefused(check(line(0, RANGED, 11), line(1, RANGED, 2)), Reason.QUANTITY_OUT_OF_RANGE, 0);
        }

        @Test
        void another_availability_of_the_same_sku_counts_toward_its_range() {
            assertAccepted(check(line(0, RANGED, 5), line(1, RANGED_OTHER_AVAILABILITY, 5)));
            assertRefused(check(line(0, RANGED, 5), line(1, RANGED_OTHER_AVAILABILITY, 6)), Reason.QUANTITY_OUT_OF_RANGE, 1);
        }

        @Test
        void another_sku_of_the_same_product_has_its_own_range() {
            assertAccepted(check(line(0, RANGED, 10), line(1, OTHER_SKU, 10)));
        }

        @Test
        void lines_below_the_minimum_are_accepted_when_their_sku_reaches_it() {
            assertAccepted(check(line(0, RANGED, 1), line(1, RANGED, 1)));
        }

        @Test
        void a_sku_short_of_its_minimum_is_refused_on_its_last_line() {
            Offer fromThree = offer("DG7GMGF0FKZV:0003:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 3, 10);

            assertRefused(check(line(0, fromThree, 1), line(1, WIDE, 1), line(2, fromThree, 1), line(3, WIDE, 1)),
                    Reason.QUANTITY_OUT_OF_RANGE, 2);
            assertRefused(check(line(0, WIDE, 1), line(1, RANGED, 1)), Reason.QUANTITY_OUT_OF_RANGE, 1);
        }

        @Test
        void totals_do_not_overflow() {
            Offer unlimited = offer("DG7GMGF0FKZV:0004:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 1, Integer.MAX_VALUE);

            assertAccepted(check(line(0, unlimited, Integer.MAX_VALUE)));
            assertRefused(check(line(0, unlimited, Integer.MAX_VALUE), line(1, unlimited, Integer.MAX_VALUE)),
                    Reason.QUANTITY_OUT_OF_RANGE, 1);
        }
    }

    @Nested
    class Billing_cycles {

        @Test
        void a_cycle_the_sku_does_not_support_is_refused_naming_those_it_does() {
            Offer twoCycles = new Offer(new OfferId("DG7GMGF0FKZV:0005:AVHUF"), ProductKind.WINDOWS_SERVER_SUBSCRIPTION,
                    Currency.getInstance("HUF"), 1, 10, Set.of("monthly", "annual"));

            OrderPlacement.Refused refused = assertRefused(check(line(0, WIDE, 1), line(1, twoCycles, 1)),
                    Reason.BILLING_CYCLE_NOT_SUPPORTED, 1);
            assertThat(refused.part()).isEqualTo(Part.BILLING_CYCLE);
            assertThat(refused.arguments()).containsExactly("annual, monthly");
            assertAccepted(POLICY.check(HUNGARY, "annual", List.of(line(0, twoCycles, 1))));
        }
    }

    @Nested
    class Order_of_checks {

        @Test
        void the_first_faulty_line_wins() {
            assertRefused(check(new Line(0, Optional.empty(), 1), line(0, WIDE, 1)), Reason.OFFER_INVALID, 0);
            assertRefused(check(line(0, WIDE, 1), line(0, WIDE, 0)), Reason.LINE_ITEM_NUMBER_DUPLICATE, 1);
        }

        @Test
        void within_a_line_the_offer_comes_before_its_quantity_and_the_quantity_before_the_billing_cycle() {
            Offer euros = offer("DG7GMGF0FKZV:0001:AVEUR", ProductKind.PERPETUAL_SOFTWARE, "EUR", 1, 10);
            Offer monthlyOnly = new Offer(new OfferId("DG7GMGF0FKZV:0005:AVHUF"), ProductKind.WINDOWS_SERVER_SUBSCRIPTION,
                    Currency.getInstance("HUF"), 1, 10, Set.of("monthly"));

            assertRefused(check(line(0, euros, 0)), Reason.OFFER_NOT_FOR_MARKET, 0);
            assertRefused(check(line(0, monthlyOnly, 0)), Reason.QUANTITY_OUT_OF_RANGE, 0);
        }
    }

    @Test
    void a_refusal_names_a_line_exactly_when_it_is_about_one() {
        assertThatThrownBy(() -> new OrderPlacement.Refused(Reason.LINE_ITEMS_INVALID, OptionalInt.of(0), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderPlacement.Refused(Reason.QUANTITY_OUT_OF_RANGE, OptionalInt.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_sku_range_is_checked() {
        assertThatThrownBy(() -> offer("DG7GMGF0FKZV:0001:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> offer("DG7GMGF0FKZV:0001:AVHUF", ProductKind.PERPETUAL_SOFTWARE, "HUF", -1, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codes_are_stable() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::code)).containsExactly("line_items_invalid",
                "line_item_number_invalid", "line_item_number_duplicate", "offer_invalid", "offer_not_for_market",
                "quantity_out_of_range", "billing_cycle_not_supported", "market_unavailable",
                "provisioning_context_required", "provisioning_context_not_allowed", "reservation_subscription_id_invalid",
                "reservation_scope_invalid", "reservation_resource_group_required", "reservation_resource_group_not_allowed",
                "reservation_resource_group_invalid", "reservation_duration_mismatch");
        assertThat(Arrays.stream(Reason.values()).filter(Reason::businessRule)).containsExactly(Reason.MARKET_UNAVAILABLE);
    }
}
