package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.application.software.port.in.SoftwareView;

/**
 * A line of the licence inventory: the software as the customer's software list shows it, with its customer
 * (tenant id and name) and the quantity bought on its order line (0 once cancelled).
 */
public record CustomerSoftwareView(SoftwareView software, String customerTenantId, String customerName, int quantity) {
}
