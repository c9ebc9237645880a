package com.cspdesk.application.software.port.out;

import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;

import java.util.Optional;

/** Where the software bits live (a local folder by default, object storage in production). */
public interface SoftwareStore {

    Optional<DownloadableFile> file(String productId, SoftwareVersion version, SoftwareLanguage language, Bitness bitness);
}
