package com.cspdesk.adapters.memory.downloads;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.application.software.port.out.SoftwareStore;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The software bits without a folder: one file per product, version, language and bitness, put
 * here by whoever has them (the sandbox's demo images). Nothing is read from or written to disk.
 * Public for the start-up code that puts the files.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class MemorySoftwareStore implements SoftwareStore {

    private final Map<Choice, DownloadableFile> files = new ConcurrentHashMap<>();

    /** Keeps the file for that choice unless one is kept already (then false). */
    public boolean put(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness,
                       DownloadableFile file) {
        return files.putIfAbsent(new Choice(productId, version, language, bitness), file) == null;
    }

    @Override
    public Optional<DownloadableFile> file(String productId, SoftwareVersion version, SoftwareLanguage language,
                                           Bitness bitness) {
        return Optional.ofNullable(files.get(new Choice(productId, version, language, bitness)));
    }

    private record Choice(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness) {
    }
}
