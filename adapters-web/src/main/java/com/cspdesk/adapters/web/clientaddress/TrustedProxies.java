package com.cspdesk.adapters.web.clientaddress;

import com.cspdesk.domain.webhooks.IpAddresses;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies and load balancers whose {@code X-Forwarded-*} headers are believed:
 * {@code cspdesk.trusted-proxies} ({@code CSPDESK_TRUSTED_PROXIES}), a comma-separated list of
 * addresses or CIDR ranges, e.g. {@code 10.0.0.0/8,192.168.1.5}. Empty by default: then no forwarded
 * header counts, because any client can send one. Checked at start-up: a wrong entry stops the start.
 */
@Singleton
public class TrustedProxies {

    private final List<Range> ranges;

    public TrustedProxies(@Nullable @Value("${cspdesk.trusted-proxies:}") String configured) {
        List<Range> parsed = new ArrayList<>();
        if (configured != null) {
            for (String entry : configured.split(",")) {
                if (!entry.isBlank()) {
                    parsed.add(Range.parse(entry.strip()));
                }
            }
        }
        this.ranges = List.copyOf(parsed);
    }

    /** Whether that address (an IP literal) is one of the trusted proxies. */
    public boolean trusts(@Nullable String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address.strip());
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /** The bytes of an IP literal; never a DNS lookup (a header's host name is not looked up). */
    static Optional<byte[]> literal(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (bare.isEmpty() || !(bare.indexOf(':') >= 0 || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return Optional.empty();
        }
        if (bare.indexOf(':') < 0 && bare.chars().filter(c -> c == '.').count() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(address).orElseThrow(() ->
                    new ConfigurationException("cspdesk.trusted-proxies: '" + entry + "' is not an IP address or CIDR range"));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new ConfigurationException("cspdesk.trusted-proxies: '" + entry + "' has a wrong prefix length");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            return IpAddresses.inRange(network, prefix, address);
        }
    }
}
