package com.cspdesk.domain.customer;

/**
 * A customer's default billing address as Partner Center's Address resource has it, without its
 * country (the customer's billing country, kept once beside it). Every part may be missing (null):
 * the desk creates no Microsoft tenant, so it needs no address it could validate.
 *
 * <p>The maximum lengths are Partner Center's where Microsoft Learn ("Utility resources") gives one
 * (address lines 200, names 50); the others are generous bounds of the desk's own. Partner Center's
 * two-character state is a United States form; other markets write longer ones, so it is not kept.
 */
public record PostalAddress(String region, String city, String state, String addressLine1, String addressLine2,
                            String addressLine3, String postalCode, String firstName, String lastName, String phoneNumber) {

    public static final int MAX_ADDRESS_LINE = 200;
    public static final int MAX_NAME = 50;
    public static final int MAX_CITY = 128;
    public static final int MAX_STATE = 64;
    public static final int MAX_REGION = 64;
    public static final int MAX_POSTAL_CODE = 32;

    /** No address given. */
    public static final PostalAddress NONE = new PostalAddress(null, null, null, null, null, null, null, null, null, null);
}
