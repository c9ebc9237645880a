package com.cspdesk.adapters.http.webhooks;

import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Problem;
import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The only way the webhook client learns where to connect: it resolves the host and hands back its
 * addresses only when the destination policy allows every one of them. The connection then goes to
 * exactly these addresses, so what was judged is what is reached (a name cannot resolve to a public
 * address for a check and to a private one for the connection). The operator's allowed hosts pass on
 * their name, as in {@link WebhookDestinationPolicy#check}.
 */
final class DestinationAddressResolver implements DnsResolver {

    /** The name service, a parameter so a test can make a name resolve anywhere. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] allAddressesOf(String host) throws UnknownHostException;
    }

    /**
     * No address to connect to, and why (refused, none, the lookup took too long): told apart from a
     * plain {@link UnknownHostException} by the transport.
     */
    static final class NoAddress extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        private final transient Failure failure;

        NoAddress(String host, Failure failure) {
            super(host + ": " + failure);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private final WebhookDestinationPolicy policy;
    private final Lookup lookup;

    DestinationAddressResolver(WebhookDestinationPolicy policy, Lookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = lookup.allAddressesOf(host);
        } catch (NoAddress e) {
            throw e;
        } catch (UnknownHostException e) {
            throw new NoAddress(host, Failure.UNRESOLVABLE);
        }
        if (addresses == null) {
            addresses = new InetAddress[0];
        }
        if (isAllowedByConfiguration(host) && addresses.length > 0) {
            return addresses;
        }
        Optional<Problem> refusal = policy.refusalOfAddresses(
                Arrays.stream(addresses).map(InetAddress::getAddress).toList());
        if (refusal.isPresent()) {
            throw new NoAddress(host,
                    refusal.get() == Problem.UNRESOLVABLE ? Failure.UNRESOLVABLE : Failure.ADDRESS_NOT_ALLOWED);
        }
        return addresses;
    }

    // Overridden so that a later default of the interface cannot bypass the check above.
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** Only asked for by authentication schemes (Kerberos), which the webhook client never uses: no lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    private boolean isAllowedByConfiguration(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        // The policy keeps an IPv6 literal as a URL writes it, in brackets; the client may drop them.
        return policy.allowedHosts().contains(name)
                || (name.indexOf(':') >= 0 && !name.startsWith("[") && policy.allowedHosts().contains("[" + name + "]"));
    }
}
