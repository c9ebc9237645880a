package com.cspdesk.adapters.memory.downloads;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.domain.software.DownloadLink;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Download links in memory. "For update" needs no lock of its own: a unit of work holds the whole
 * store, so concurrent downloads of one link count one after the other, as under the row lock.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryDownloadLinks implements DownloadLinks {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final Map<String, StoredLink> links = new HashMap<>();

    MemoryDownloadLinks(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(StoredLink link) {
        transactions.change(() -> {
            if (links.putIfAbsent(link.id(), link) != null) {
                throw new IllegalStateException("a download link " + link.id() + " exists already");
            }
            return null;
        }, () -> links.remove(link.id()));
    }

    @Override
    public Optional<StoredLink> findForUpdate(String linkId) {
        return transactions.read(() -> Optional.ofNullable(links.get(linkId)));
    }

    @Override
    public void recordDownload(String linkId) {
        replace(linkId, DownloadLink::recordDownload);
    }

    @Override
    public void recordResumedPart(String linkId, long bytes) {
        replace(linkId, link -> link.recordResumedPart(bytes));
    }

    @Override
    public int revokeAll(String entitlementId) {
        return transactions.inTransaction(() -> {
            List<StoredLink> live = new ArrayList<>();
            links.values().stream().filter(l -> l.entitlementId().equals(entitlementId) && !l.link().revoked())
                    .forEach(live::add);
            live.forEach(l -> replace(l.id(), DownloadLink::revoke));
            return live.size();
        });
    }

    /** Like an UPDATE by id: an unknown link changes nothing. */
    private void replace(String linkId, UnaryOperator<DownloadLink> change) {
        transactions.inTransaction(() -> {
            StoredLink old = links.get(linkId);
            if (old != null) {
                StoredLink changed = new StoredLink(old.id(), old.entitlementId(), old.customerTenantId(), old.version(),
                        old.language(), old.bitness(), change.apply(old.link()), old.createdBy());
                transactions.change(() -> links.put(linkId, changed), () -> links.put(linkId, old));
            }
            return null;
        });
    }
}
