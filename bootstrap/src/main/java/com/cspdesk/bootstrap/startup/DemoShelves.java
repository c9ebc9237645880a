package com.cspdesk.bootstrap.startup;

import com.cspdesk.adapters.files.software.LocalFolderSoftwareStore;
import com.cspdesk.adapters.memory.downloads.MemorySoftwareStore;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the demo software files go: the local folder, or the memory adapter's store (nothing on disk). */
final class DemoShelves {

    private DemoShelves() {
    }

    interface Shelf {

        /** Puts the file for that choice unless there is one; answers whether it put it. */
        boolean put(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness, DemoImage image);

        /** For the log line. */
        String where();
    }

    @Singleton
    @Requires(property = "cspdesk.persistence", notEquals = "memory")
    static final class InTheFolder implements Shelf {

        private final LocalFolderSoftwareStore store;

        InTheFolder(LocalFolderSoftwareStore store) {
            this.store = store;
        }

        @Override
        public boolean put(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness,
                           DemoImage image) {
            Path folder = store.folderOf(productId, version, language, bitness);
            Path file = folder.resolve(image.fileName());
            if (Files.exists(file)) {
                return false;
            }
            try {
                Files.createDirectories(folder);
                try (OutputStream out = Files.newOutputStream(file)) {
                    image.writeTo(out);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String where() {
            return "under " + store.root();
        }
    }

    @Singleton
    @Requires(property = "cspdesk.persistence", value = "memory")
    static final class InMemory implements Shelf {

        private final MemorySoftwareStore store;

        InMemory(MemorySoftwareStore store) {
            this.store = store;
        }

        @Override
        public boolean put(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness,
                           DemoImage image) {
            return store.put(productId, version, language, bitness, image);
        }

        @Override
        public String where() {
            return "in memory";
        }
    }
}
