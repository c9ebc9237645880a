package com.cspdesk.application.webhooks.port.out;

import java.util.List;

/** What a host name resolves to now (DNS or the system's resolver): how the domain's destination rule sees a name. */
public interface HostAddresses {

    /** Every address (4 or 16 bytes) the name resolves to; empty when it resolves to none. */
    List<byte[]> resolve(String host);
}
