package com.cspdesk.domain.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IP addresses as the bytes a connection goes to (4 for IPv4, 16 for IPv6): the literals a URL's host
 * may be, read without any look-up, and the ranges a webhook may not reach — loopback, link-local
 * (which holds the clouds' metadata address 169.254.169.254), private (RFC 1918, shared address space
 * RFC 6598 where Alibaba's metadata 100.100.100.200 lives, fc00::/7 where AWS's fd00:ec2::254 lives, the
 * old site-local fec0::/10), unspecified ("this network" 0.0.0.0/8, ::), multicast and the reserved and
 * broadcast 240.0.0.0/4. An IPv6 address that carries an IPv4 one (mapped ::ffff:0:0/96, compatible
 * ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by that IPv4 address.
 */
public final class IpAddresses {

    private static final List<Range> FORBIDDEN_V4 = List.of(
            Range.v4(0, 0, 0, 0, 8), Range.v4(10, 0, 0, 0, 8), Range.v4(100, 64, 0, 0, 10), Range.v4(127, 0, 0, 0, 8),
            Range.v4(169, 254, 0, 0, 16), Range.v4(172, 16, 0, 0, 12), Range.v4(192, 168, 0, 0, 16),
            Range.v4(192, 0, 0, 0, 24), Range.v4(224, 0, 0, 0, 4), Range.v4(240, 0, 0, 0, 4));

    private static final List<Range> FORBIDDEN_V6 = List.of(
            Range.v6(0xfc, 0x00, 7), Range.v6(0xfe, 0x80, 10), Range.v6(0xfe, 0xc0, 10), Range.v6(0xff, 0x00, 8));

    private IpAddresses() {
    }

    /** Whether a webhook may not be delivered to this address (4 or 16 bytes; any other length is refused too). */
    public static boolean isForbidden(byte[] address) {
        if (address == null) {
            return true;
        }
        if (address.length == 4) {
            return FORBIDDEN_V4.stream().anyMatch(range -> range.contains(address));
        }
        if (address.length != 16) {
            return true;
        }
        Optional<byte[]> embedded = embeddedV4(address);
        if (embedded.isPresent()) {
            return isForbidden(embedded.get());
        }
        return FORBIDDEN_V6.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * Whether {@code address} is in the CIDR range {@code network}/{@code prefix} (both of one length:
     * 4 or 16 bytes; an address of another length never is).
     */
    public static boolean inRange(byte[] network, int prefix, byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    /** The IPv4 address an IPv6 one carries by one of the transition mechanisms, if it does. */
    static Optional<byte[]> embeddedV4(byte[] v6) {
        boolean mapped = allZeroBefore(v6, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = allZeroBefore(v6, 12); // :: and ::1 among them, as 0.0.0.0/8
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b
                && allZero(v6, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {v6[2], v6[3], v6[4], v6[5]});
        }
        return Optional.empty();
    }

    /**
     * The address a literal host names: dotted-quad IPv4 ({@code 192.0.2.1}) or IPv6, bracketed as in a
     * URL or not, a zone ({@code %eth0}) ignored. Empty when it is not a literal (a name, or malformed).
     */
    public static Optional<byte[]> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return text.indexOf(':') >= 0 ? v6(text) : v4(text);
    }

    private static Optional<byte[]> v4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    private static Optional<byte[]> v6(String text) {
        int zone = text.indexOf('%');
        String bare = zone < 0 ? text : text.substring(0, zone);
        int gap = bare.indexOf("::");
        if (gap >= 0 && bare.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = groups(gap < 0 ? bare : bare.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : groups(bare.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 ? head.size() != 8 : head.size() + tail.size() > 7)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return Optional.of(bytes);
    }

    /** The 16-bit groups of one side of an IPv6 literal (a last dotted IPv4 part makes two); null when malformed. */
    private static List<Integer> groups(String part) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] texts = part.split(":", -1);
        for (int i = 0; i < texts.length; i++) {
            String group = texts[i];
            if (i == texts.length - 1 && group.indexOf('.') >= 0) {
                Optional<byte[]> v4 = v4(group);
                if (v4.isEmpty()) {
                    return null;
                }
                groups.add(((v4.get()[0] & 0xff) << 8) | (v4.get()[1] & 0xff));
                groups.add(((v4.get()[2] & 0xff) << 8) | (v4.get()[3] & 0xff));
            } else if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(IpAddresses::isHex)) {
                return null;
            } else {
                groups.add(Integer.parseInt(group, 16));
            }
        }
        return groups;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[group * 2] = (byte) (value >> 8);
        bytes[group * 2 + 1] = (byte) value;
    }

    private static boolean allZeroBefore(byte[] bytes, int end) {
        return allZero(bytes, 0, end);
    }

    private static boolean allZero(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private record Range(byte[] network, int prefix) {

        static Range v4(int a, int b, int c, int d, int prefix) {
            return new Range(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, prefix);
        }

        /** An IPv6 range given by its first two bytes (the rest zero). */
        static Range v6(int first, int second, int prefix) {
            byte[] network = new byte[16];
            network[0] = (byte) first;
            network[1] = (byte) second;
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            return inRange(network, prefix, address);
        }
    }
}
