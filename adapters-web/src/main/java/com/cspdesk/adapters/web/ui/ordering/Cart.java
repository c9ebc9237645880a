package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.ui.ordering.ProductPagesController.ContextForm;
import com.cspdesk.domain.order.OrderPlacementPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issue #17: what one user is about to order for one customer — lines of offers with their quantities and, for an
 * Azure reservation, where it applies — placed as ONE order. A value: every change gives a new cart. It judges
 * nothing about the catalog (the pages re-read every line's offer and quote the whole cart by the code that places
 * orders, so a cart that was right yesterday is checked again today); its own limits are what fits in the cookie
 * that carries it ({@link #MAX_ENCODED_LENGTH}) and an order's most lines ({@link OrderPlacementPolicy#MAX_LINE_ITEMS}).
 *
 * <p>{@code owner} is a digest of the user's name: a cart kept in a browser that another user signs in to is not
 * theirs, and reads as empty.
 */
@Serdeable
record Cart(String owner, List<Line> lines) {

    /** A cookie's value stays well under the 4 KB browsers keep. */
    static final int MAX_ENCODED_LENGTH = 3_500;
    private static final String LINE_SEPARATOR = "|";
    private static final String FIELD_SEPARATOR = "!";
    private static final String ABSENT = "~";
    private static final int MAX_FIELD = 100;

    Cart {
        Objects.requireNonNull(owner, "owner");
        lines = List.copyOf(lines);
    }

    /** A line: the availability's catalogItemId, the quantity, and a reservation's context (all null for other lines). */
    @Serdeable
    record Line(String offerId, int quantity, ContextForm context) {
        Line {
            Objects.requireNonNull(offerId, "offerId");
            context = context == null ? new ContextForm(null, null, null) : context;
        }

        /** {@code productId:skuId}: lines of one SKU share its quantity range in an order. */
        String sku() {
            int last = offerId.lastIndexOf(':');
            return last < 0 ? offerId : offerId.substring(0, last);
        }
    }

    static Cart empty(String userName) {
        return new Cart(ownerOf(userName), List.of());
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    boolean has(int index) {
        return index >= 0 && index < lines.size();
    }

    /**
     * The offer added: to the quantity of the line that has it already, or as a new line last. A reservation is
     * always a line of its own, since each may apply somewhere else.
     */
    Cart add(String offerId, int quantity, boolean reservation) {
        List<Line> changed = new ArrayList<>(lines);
        for (int index = 0; index < changed.size() && !reservation; index++) {
            Line line = changed.get(index);
            if (line.offerId().equals(offerId)) {
                changed.set(index, new Line(offerId, saturatedSum(line.quantity(), quantity), line.context()));
                return new Cart(owner, changed);
            }
        }
        changed.add(new Line(offerId, quantity, null));
        return new Cart(owner, changed);
    }

    /** Index of the line an {@link #add} would change, or the new line's. */
    int indexAfterAdding(String offerId, boolean reservation) {
        for (int index = 0; index < lines.size() && !reservation; index++) {
            if (lines.get(index).offerId().equals(offerId)) {
                return index;
            }
        }
        return lines.size();
    }

    Cart withQuantity(int index, int quantity) {
        List<Line> changed = new ArrayList<>(lines);
        Line line = changed.get(index);
        changed.set(index, new Line(line.offerId(), quantity, line.context()));
        return new Cart(owner, changed);
    }

    Cart withContext(int index, ContextForm context) {
        List<Line> changed = new ArrayList<>(lines);
        Line line = changed.get(index);
        changed.set(index, new Line(line.offerId(), line.quantity(), context));
        return new Cart(owner, changed);
    }

    Cart without(int index) {
        List<Line> changed = new ArrayList<>(lines);
        changed.remove(index);
        return new Cart(owner, changed);
    }

    /** Whether the cart can be kept: not more lines than an order may have, and small enough for its cookie. */
    boolean fits() {
        return lines.size() <= OrderPlacementPolicy.MAX_LINE_ITEMS && encode().length() <= MAX_ENCODED_LENGTH;
    }

    /** The lines of the same SKU as the line at {@code index}, in the cart's order, and where that line is among them. */
    SkuLines skuLinesOf(int index) {
        String sku = lines.get(index).sku();
        List<Line> same = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                if (i == index) {
                    position = same.size();
                }
                same.add(lines.get(i));
            }
        }
        return new SkuLines(same, position);
    }

    record SkuLines(List<Line> lines, int position) {
    }

    /**
     * The cart as a cookie value (and the review form's field): owner, then each line's fields URL-encoded and
     * separated by characters URL encoding never writes, so any text comes back as it was.
     */
    String encode() {
        StringBuilder text = new StringBuilder(owner);
        for (Line line : lines) {
            text.append(LINE_SEPARATOR).append(field(line.offerId())).append(FIELD_SEPARATOR).append(line.quantity())
                    .append(FIELD_SEPARATOR).append(field(line.context().subscriptionId()))
                    .append(FIELD_SEPARATOR).append(field(line.context().scope()))
                    .append(FIELD_SEPARATOR).append(field(line.context().resourceGroup()));
        }
        return text.toString();
    }

    /**
     * The cart a cookie (or form) holds for {@code userName}: empty when there is none, when it is another user's, or
     * when it cannot be read; a line that cannot be read is left out.
     */
    static Cart decode(@Nullable String encoded, String userName) {
        String owner = ownerOf(userName);
        if (encoded == null || encoded.length() > MAX_ENCODED_LENGTH) {
            return new Cart(owner, List.of());
        }
        String[] parts = encoded.split("\\" + LINE_SEPARATOR, -1);
        if (!parts[0].equals(owner)) {
            return new Cart(owner, List.of());
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < parts.length && lines.size() < OrderPlacementPolicy.MAX_LINE_ITEMS; i++) {
            line(parts[i]).ifPresent(lines::add);
        }
        return new Cart(owner, lines);
    }

    private static Optional<Line> line(String encoded) {
        String[] fields = encoded.split(FIELD_SEPARATOR, -1);
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            Optional<String> offerId = text(fields[0]);
            int quantity = Integer.parseInt(fields[1]);
            if (offerId.isEmpty() || quantity < 0) {
                return Optional.empty();
            }
            return Optional.of(new Line(offerId.get(), quantity, new ContextForm(text(fields[2]).orElse(null),
                    text(fields[3]).orElse(null), text(fields[4]).orElse(null))));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String field(@Nullable String value) {
        return value == null ? ABSENT : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Optional<String> text(String field) {
        if (field.equals(ABSENT)) {
            return Optional.empty();
        }
        String value = URLDecoder.decode(field, StandardCharsets.UTF_8);
        if (value.length() > MAX_FIELD) {
            throw new IllegalArgumentException("field too long");
        }
        return Optional.of(value);
    }

    private static int saturatedSum(int a, int b) {
        long sum = (long) a + b;
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** Not the name itself: the cookie says whose cart it is without saying who. */
    static String ownerOf(String userName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
