package com.cspdesk.application.software.port.out;

import java.util.Optional;

/** Tamper-proof tokens for download links: the link id, signed. */
public interface DownloadTokens {

    String tokenFor(String linkId);

    /** The link id when the token is one of ours and untouched. */
    Optional<String> linkIdOf(String token);
}
