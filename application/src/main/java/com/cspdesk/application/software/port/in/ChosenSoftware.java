package com.cspdesk.application.software.port.in;

/** Raw choice of version, language and bitness ("Get keys and downloads"); the use case validates it. */
public record ChosenSoftware(String customerTenantId, String softwareId, String version, String language, String bitness) {
}
