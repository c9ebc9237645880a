package com.cspdesk.bootstrap.startup;

import com.cspdesk.adapters.files.software.LocalFolderSoftwareStore;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sandbox mode only: small stand-in "ISO" files in the local software store for every version,
 * language and bitness the catalog sells, so keys and downloads can be tried. Written once.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
@Requires(property = "cspdesk.demo.software-files", notEquals = "false")
class DemoSoftwareFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSoftwareFiles.class);
    private static final int SIZE = 256 * 1024;

    private final Catalog catalog;
    private final LocalFolderSoftwareStore store;

    DemoSoftwareFiles(Catalog catalog, LocalFolderSoftwareStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int written = 0;
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
                            written += write(product, version, language, bitness) ? 1 : 0;
                        }
                    }
                }
            }
        }
        if (written > 0) {
            LOG.info("Wrote {} demo software files under {}", written, store.root());
        }
    }

    private boolean write(Catalog.Product product, SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {
        Path folder = store.folderOf(product.id(), version, language, bitness);
        String name = product.family().get().name().replaceAll("[^A-Za-z0-9]", "") + version.name() + "_"
                + language.tag() + "_" + bitness.code() + ".iso";
        Path file = folder.resolve(name);
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            byte[] line = ("CSP Software Desk demo image: " + product.family().get().name() + " " + version.name() + " "
                    + language.tag() + " " + bitness.code() + "\n").getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int written = 0; written < SIZE; written += line.length) {
                    out.write(line, 0, Math.min(line.length, SIZE - written));
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
