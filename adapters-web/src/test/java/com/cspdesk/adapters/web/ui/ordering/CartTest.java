package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.ordering.ProductPagesController.ContextForm;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.order.OrderPlacementPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cart's own rules: lines added, merged, changed and removed; kept in a cookie and read back only by its user. */
class CartTest {

    private static final String AGENT = "admin.agent@partner.demo";
    private static final String STANDARD_16 = "DG7GMGF0BHXC:0001:DZH318Z0CUQM";
    private static final String STANDARD_2 = "DG7GMGF0BHXC:0002:DZH318Z0KAES";
    private static final String SQL = "DG7GMGF0MGVZ:0001:DZH318Z0AAAA";
    private static final String RESERVATION = "DG7GMGF01Z2K:0001:DZH318Z0BBBB";

    @Test
    void addingTheSameOfferAgainAddsToItsLineAnotherOfferIsANewLine() {
        Cart cart = Cart.empty(AGENT).add(STANDARD_16, 2, false).add(SQL, 3, false).add(STANDARD_16, 1, false);

        assertThat(cart.lines()).extracting(Cart.Line::offerId, Cart.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(STANDARD_16, 3), org.assertj.core.groups.Tuple.tuple(SQL, 3));
        assertThat(cart.indexAfterAdding(SQL, false)).isEqualTo(1);
        assertThat(cart.indexAfterAdding(STANDARD_2, false)).isEqualTo(2);
    }

    @Test
    void eachReservationIsALineOfItsOwnBecauseEachMayApplyElsewhere() {
        Cart cart = Cart.empty(AGENT).add(RESERVATION, 1, true).add(RESERVATION, 2, true);

        assertThat(cart.lines()).hasSize(2);
        assertThat(cart.indexAfterAdding(RESERVATION, true)).isEqualTo(2);
        Cart placed = cart.withContext(1, new ContextForm("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70", "single", "rg-web"));
        assertThat(placed.lines().get(1).context().resourceGroup()).isEqualTo("rg-web");
        assertThat(placed.lines().get(0).context().submitted()).isFalse();
    }

    @Test
    void aChangeGivesANewCartAndLeavesTheOldOne() {
        Cart cart = Cart.empty(AGENT).add(STANDARD_16, 2, false).add(SQL, 1, false);

        Cart changed = cart.withQuantity(0, 5).without(1);

        assertThat(changed.lines()).extracting(Cart.Line::quantity).containsExactly(5);
        assertThat(cart.lines()).extracting(Cart.Line::quantity).containsExactly(2, 1);
        assertThat(changed.has(0)).isTrue();
        assertThat(changed.has(1)).isFalse();
        assertThat(changed.has(-1)).isFalse();
    }

    @Test
    void linesOfOneSkuCountTogetherWhicheverAvailabilityTheyName() {
        String otherAvailability = "DG7GMGF0BHXC:0001:DZH318Z0TBEM";
        Cart cart = Cart.empty(AGENT).add(STANDARD_16, 2, false).add(SQL, 1, false).add(otherAvailability, 4, false);

        Cart.SkuLines sku = cart.skuLinesOf(2);

        assertThat(sku.lines()).extracting(Cart.Line::offerId).containsExactly(STANDARD_16, otherAvailability);
        assertThat(sku.position()).isEqualTo(1);
        assertThat(cart.lines().get(0).sku()).isEqualTo("DG7GMGF0BHXC:0001");
    }

    @Test
    void theCookieValueReadsBackAsTheSameCartWhateverWasTyped() {
        Cart cart = Cart.empty(AGENT).add(STANDARD_16, 3, false).add(RESERVATION, 1, true)
                .withContext(1, new ContextForm("not a guid; \"quoted\", |!~%", "single", "rg-ü.(eu)"));

        String encoded = cart.encode();

        assertThat(encoded).doesNotContain(" ", ";", ",", "\"", "\\", AGENT);
        assertThat(Cart.decode(encoded, AGENT)).isEqualTo(cart);
    }

    @Test
    void anotherUsersCartOrAnUnreadableOneIsEmpty() {
        String encoded = Cart.empty(AGENT).add(STANDARD_16, 3, false).encode();

        assertThat(Cart.decode(encoded, "sales.agent@partner.demo").isEmpty()).isTrue();
        assertThat(Cart.decode(null, AGENT).isEmpty()).isTrue();
        assertThat(Cart.decode("garbage", AGENT).isEmpty()).isTrue();
        // A line that cannot be read is left out; the others stay.
        String owner = Cart.ownerOf(AGENT);
        assertThat(Cart.decode(owner + "|x!y|" + STANDARD_16.replace(":", "%3A") + "!2!~!~!~", AGENT).lines())
                .extracting(Cart.Line::offerId).containsExactly(STANDARD_16);
    }

    @Test
    void aCartFitsWhileItHasNoMoreLinesThanAnOrderAndItsCookieStaysSmall() {
        Cart cart = Cart.empty(AGENT);
        for (int i = 0; i < OrderPlacementPolicy.MAX_LINE_ITEMS; i++) {
            cart = cart.add(RESERVATION, 1, true);
        }
        assertThat(cart.fits()).isTrue();
        assertThat(cart.add(RESERVATION, 1, true).fits()).isFalse();

        Cart large = Cart.empty(AGENT);
        for (int i = 0; i < 20; i++) {
            large = large.add(RESERVATION, 1, true).withContext(i, new ContextForm("x".repeat(64), "single", "y".repeat(90)));
        }
        assertThat(large.fits()).isFalse();
        assertThat(Cart.decode(large.encode(), AGENT).isEmpty()).isTrue();
    }

    @Test
    void theQuantityFieldIsAWholeNumber() {
        assertThat(CartPagesController.quantity("3")).hasValue(3);
        assertThat(CartPagesController.quantity(" 12 ")).hasValue(12);
        assertThat(CartPagesController.quantity("0")).hasValue(0);
        assertThat(CartPagesController.quantity("-1")).isEmpty();
        assertThat(CartPagesController.quantity("2.5")).isEmpty();
        assertThat(CartPagesController.quantity("")).isEmpty();
        assertThat(CartPagesController.quantity(null)).isEmpty();
        assertThat(CartPagesController.quantity("9999999999")).isEmpty();
    }

    @Test
    void onlyThoseWhoMayPlaceOrdersReachTheCatalogTheCartAndPlacing() {
        for (Class<?> controller : List.of(ProductPagesController.class, CartPagesController.class)) {
            assertThat(controller.getAnnotation(RequiresPermission.class).value()).isEqualTo(Permission.PLACE_ORDER);
        }
    }
}
