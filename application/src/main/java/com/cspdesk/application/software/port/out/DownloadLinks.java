package com.cspdesk.application.software.port.out;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadLink;

import java.util.Optional;

/** The download links made, with their download count, resumed bytes and revocation. */
public interface DownloadLinks {

    void add(StoredLink link);

    /** Locks the link's row for the rest of the transaction, so concurrent downloads count right. */
    Optional<StoredLink> findForUpdate(String linkId);

    void recordDownload(String linkId);

    /** Records a resumed part of {@code bytes} sent by the link. */
    void recordResumedPart(String linkId, long bytes);

    /** Revokes every link of the entitlement; answers how many were live. */
    int revokeAll(String entitlementId);

    record StoredLink(String id, String entitlementId, String customerTenantId, SoftwareVersion version,
                      SoftwareLanguage language, Bitness bitness, DownloadLink link, String createdBy) {
    }
}
