package com.cspdesk.application.software.port.in;

import com.cspdesk.domain.customer.CustomerRef;

/**
 * Raw choice of version, language and bitness ("Get keys and downloads") for a customer's
 * software; the use case validates it.
 */
public record ChosenSoftware(CustomerRef customer, String softwareId, String version, String language, String bitness) {
}
