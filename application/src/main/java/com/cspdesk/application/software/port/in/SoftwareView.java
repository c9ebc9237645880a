package com.cspdesk.application.software.port.in;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Spec "Activate and manage software subscriptions" step 1: one purchased software line, with
 * the versions (earlier-version rights included, newest first), languages and bitness to choose
 * from. A cancelled line stays in the list, without a key.
 */
public record SoftwareView(String id, String orderId, int lineItemNumber, String productId, String skuId,
                           String productName, ContractType contractType, Instant purchaseDate, boolean active,
                           List<SoftwareVersion> versions, Set<SoftwareLanguage> languages, Set<Bitness> bitness,
                           boolean keyAvailable) {
}
