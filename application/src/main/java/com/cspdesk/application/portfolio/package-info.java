/**
 * Views across all customers (#16 item 6): every customer's orders and the licence inventory (every
 * customer's software lines), filtered by customer, product, status and date range, in keyset pages or
 * whole as CSV. Needs {@code VIEW_ACROSS_CUSTOMERS}. The subscriptions due for renewal across customers
 * belong here too, once subscriptions exist.
 */
package com.cspdesk.application.portfolio;
