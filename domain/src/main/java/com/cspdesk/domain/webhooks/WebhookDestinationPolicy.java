package com.cspdesk.domain.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may point (issue #15 item 5): an absolute {@code https} URL without user information
 * or fragment, at most {@value #MAX_LENGTH} characters, whose host is not a local name and whose every
 * address — the literal itself, or each address the name resolves to — is outside the ranges
 * {@link IpAddresses} forbids. The operator's allowed hosts ({@code CSPDESK_WEBHOOKS_ALLOWED_HOSTS}, for
 * tests and a local receiver) pass on their name alone, and may then use {@code http} too.
 *
 * <p>Two steps, so the domain looks nothing up: {@link #check(String)} reads the URL; for a name (not
 * a literal, not allowed) the caller resolves it and {@link #refusalOfAddresses} judges the addresses.
 */
public final class WebhookDestinationPolicy {

    public static final int MAX_LENGTH = 2048;

    /** Names that are this machine or a cloud's metadata service, whatever they resolve to. */
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final Set<String> allowedHosts;

    public WebhookDestinationPolicy(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(WebhookDestinationPolicy::normalised).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** No host allowed beyond the rules: production's default. */
    public static WebhookDestinationPolicy strict() {
        return new WebhookDestinationPolicy(List.of());
    }

    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** The URL's shape: a refusal, or the destination whose addresses remain to be judged (if any). */
    public Checked check(String url) {
        if (url == null || url.isBlank()) {
            return new Refused(Problem.MISSING);
        }
        if (url.length() > MAX_LENGTH) {
            return new Refused(Problem.TOO_LONG);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new Refused(Problem.INVALID);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.getScheme() == null) {
            return new Refused(Problem.INVALID);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = normalised(uri.getHost());
        boolean allowed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            return new Refused(Problem.HTTPS_REQUIRED);
        }
        if (allowed) {
            return new Destination(uri, host, true, Optional.empty());
        }
        Optional<byte[]> literal = IpAddresses.literal(host);
        if (literal.isPresent()) {
            return IpAddresses.isForbidden(literal.get()) ? new Refused(Problem.ADDRESS_NOT_ALLOWED)
                    : new Destination(uri, host, false, literal);
        }
        if (host.indexOf(':') >= 0 || isLocalName(host)) {
            return new Refused(Problem.ADDRESS_NOT_ALLOWED);
        }
        return new Destination(uri, host, false, Optional.empty());
    }

    /** The addresses a destination's name resolved to: refused when there are none or any is forbidden. */
    public Optional<Problem> refusalOfAddresses(List<byte[]> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of(Problem.UNRESOLVABLE);
        }
        return addresses.stream().anyMatch(IpAddresses::isForbidden) ? Optional.of(Problem.ADDRESS_NOT_ALLOWED)
                : Optional.empty();
    }

    private static boolean isLocalName(String host) {
        return LOCAL_NAMES.contains(host) || host.endsWith(".localhost") || host.indexOf('.') < 0;
    }

    /** Lower case, no trailing dot, brackets of an IPv6 literal kept (as a URL writes it). */
    private static String normalised(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    public sealed interface Checked {
    }

    public record Refused(Problem problem) implements Checked {
    }

    /**
     * A URL of the right shape. {@code allowedByConfiguration}: an allowed host, needing no more checks;
     * {@code literal}: the host's address when it is a literal (already judged); otherwise the caller
     * resolves {@code host} and asks {@link #refusalOfAddresses}.
     */
    public record Destination(URI uri, String host, boolean allowedByConfiguration, Optional<byte[]> literal)
            implements Checked {

        public boolean needsResolution() {
            return !allowedByConfiguration && literal.isEmpty();
        }
    }

    public enum Problem {
        MISSING, TOO_LONG, INVALID, HTTPS_REQUIRED, ADDRESS_NOT_ALLOWED, UNRESOLVABLE
    }
}
