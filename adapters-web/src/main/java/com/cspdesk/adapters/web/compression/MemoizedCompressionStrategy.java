package com.cspdesk.adapters.web.compression;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut's compression decision (the configured threshold, text-based answers only), with the
 * text-or-not answer remembered per Content-Type value. Micronaut asks it of every answer of unknown or
 * sufficient length, before it looks at the request's Accept-Encoding, and answers it with a regular
 * expression each time: 2.7 % of the CPU of placing an order (docs/performance.md). The product sends a
 * handful of distinct Content-Type values; the memory is bounded all the same, a value past the bound
 * is decided without being remembered.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class MemoizedCompressionStrategy implements HttpCompressionStrategy {

    static final int REMEMBERED_TYPES = 64;

    private final int threshold;
    private final int level;
    private final int maxZstdEncodeSize;
    private final Map<String, Boolean> textBased = new ConcurrentHashMap<>();

    @Inject
    MemoizedCompressionStrategy(NettyHttpServerConfiguration configuration) {
        this(configuration.getCompressionThreshold(), configuration.getCompressionLevel(),
                configuration.getMaxZstdEncodeSize());
    }

    MemoizedCompressionStrategy(int threshold, int level, int maxZstdEncodeSize) {
        this.threshold = threshold;
        this.level = level;
        this.maxZstdEncodeSize = maxZstdEncodeSize;
    }

    @Override
    public boolean isEnabled() {
        return threshold >= 0;
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        if (!isEnabled()) {
            return false;
        }
        String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        long length = HttpUtil.getContentLength(response, -1);
        return contentType != null && (length == -1 || length >= threshold) && textBased(contentType);
    }

    @Override
    public int getCompressionLevel() {
        return level;
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return maxZstdEncodeSize;
    }

    /** How many Content-Type values are remembered. */
    int remembered() {
        return textBased.size();
    }

    private boolean textBased(String contentType) {
        Boolean known = textBased.get(contentType);
        if (known != null) {
            return known;
        }
        boolean decided = MediaType.isTextBased(contentType);
        if (textBased.size() < REMEMBERED_TYPES) {
            textBased.put(contentType, decided);
        }
        return decided;
    }
}
