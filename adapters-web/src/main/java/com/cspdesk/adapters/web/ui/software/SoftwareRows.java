package com.cspdesk.adapters.web.ui.software;

import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One purchased software line as the Software tab shows it: the choices of version (newest first),
 * language and bitness in a stable order, and whether keys and downloads are still there.
 */
public record SoftwareRows(String id, String orderId, int lineItemNumber, String productId, String skuId, String productName,
                    String contractType, Instant purchaseDate, boolean active, boolean keyAvailable,
                    List<String> versions, List<String> languages, List<String> bitness) {

    public static List<SoftwareRows> of(List<SoftwareView> software) {
        return software.stream().map(SoftwareRows::of).toList();
    }

    public static SoftwareRows of(SoftwareView view) {
        return new SoftwareRows(view.id(), view.orderId(), view.lineItemNumber(), view.productId(), view.skuId(), view.productName(),
                view.contractType().code(), view.purchaseDate(), view.active(), view.keyAvailable(),
                view.versions().stream().map(SoftwareVersion::name).toList(),
                view.languages().stream().map(SoftwareLanguage::tag).sorted().toList(),
                view.bitness().stream().sorted(Comparator.comparing(Enum::ordinal)).map(Bitness::code).toList());
    }

    /** Keys and downloads exist only for software with versions (not Azure reservations or Linux plans). */
    public boolean hasDownloads() {
        return !versions.isEmpty() && !languages.isEmpty() && !bitness.isEmpty();
    }

    /** The language preselected: the reader's own when offered ({@code de-DE} for a German reader), else the first. */
    public String preferredLanguage(String readerLanguage) {
        return languages.stream().filter(tag -> tag.startsWith(readerLanguage + "-")).findFirst()
                .orElseGet(() -> languages.stream().filter(tag -> tag.startsWith("en-")).findFirst()
                        .orElse(languages.isEmpty() ? "" : languages.get(0)));
    }
}
