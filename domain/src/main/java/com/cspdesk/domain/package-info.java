/**
 * The rules of the business: markets, money and tax, products, cancellation and credit,
 * product keys and download links, order lifecycle, identity. Pure Java: no framework, no I/O,
 * time always passed in.
 */
package com.cspdesk.domain;
