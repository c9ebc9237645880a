package com.cspdesk.adapters.http.webhooks;

import com.cspdesk.application.webhooks.port.out.HostAddresses;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * A host's addresses through the JVM's resolver (DNS, the hosts file), every one of them, so the
 * destination rule sees each address a connection could go to. A name that does not resolve has none.
 * Used when a registration is written; a delivery attempt judges the addresses again as it connects
 * ({@link HttpClientWebhookTransport}), since a name may resolve elsewhere by then.
 */
@Singleton
class SystemHostAddresses implements HostAddresses {

    @Override
    public List<byte[]> resolve(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getAddress).toList();
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
