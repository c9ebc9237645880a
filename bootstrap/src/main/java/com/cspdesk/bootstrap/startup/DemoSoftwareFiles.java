package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox mode only: small stand-in "ISO" files ({@link DemoImage}) in the software store for
 * every version, language and bitness the catalog sells, so keys and downloads can be tried. Put
 * once, on the shelf of the store the product runs with ({@link DemoShelves}).
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
@Requires(property = "cspdesk.demo.software-files", notEquals = "false")
class DemoSoftwareFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSoftwareFiles.class);

    private final Catalog catalog;
    private final DemoShelves.Shelf shelf;

    DemoSoftwareFiles(Catalog catalog, DemoShelves.Shelf shelf) {
        this.catalog = catalog;
        this.shelf = shelf;
    }

    /** Puts the files that are not there yet (DemoStart, at start-up). */
    void ensure() {
        int put = 0;
        EarlierVersionRights rights = new EarlierVersionRights();
        for (Catalog.Product product : catalog.products()) {
            if (product.family().isEmpty()) {
                continue;
            }
            for (Catalog.Sku sku : catalog.skus(product.id())) {
                if (sku.version().isEmpty() || sku.languages().isEmpty() || sku.bitness().isEmpty()) {
                    continue;
                }
                SoftwareSku purchased = new SoftwareSku(product.family().get(), sku.version().get(), sku.languages(), sku.bitness());
                for (SoftwareVersion version : rights.entitledVersions(purchased)) {
                    for (SoftwareLanguage language : sku.languages()) {
                        for (Bitness bitness : sku.bitness()) {
                            put += shelf.put(product.id(), version, language, bitness, image(product, version, language, bitness))
                                    ? 1 : 0;
                        }
                    }
                }
            }
        }
        if (put > 0) {
            LOG.info("Put {} demo software files {}", put, shelf.where());
        }
    }

    private static DemoImage image(Catalog.Product product, SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {
        String family = product.family().get().name();
        return new DemoImage(family.replaceAll("[^A-Za-z0-9]", "") + version.name() + "_" + language.tag() + "_"
                + bitness.code() + ".iso", family + " " + version.name() + " " + language.tag() + " " + bitness.code());
    }
}
