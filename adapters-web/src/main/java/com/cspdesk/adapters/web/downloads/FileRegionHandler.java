package com.cspdesk.adapters.web.downloads;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zero-copy downloads: a download's bits written as Netty's {@link DefaultFileRegion}, which the
 * transport hands to the kernel ({@code sendfile}), so they never pass through the heap or a
 * buffer of ours. Micronaut 4.10 has no file-region path of its own (its {@code SystemFile} writer
 * reads the file into buffers), but it adds every {@code ChannelOutboundHandler} bean to an HTTP/1
 * connection's pipeline between the HTTP codec and its own handler; this is one.
 *
 * <p>How a response is sent this way: {@link DownloadBodyWriter} {@linkplain #reserve reserves} the
 * file part on the connection and marks the response with a header ({@value #MARKER}, never sent),
 * its body being an empty-until-asked stream. When the response's head passes here, the marker is
 * taken off and, if the answer is still plain (no {@code Content-Encoding}: nothing compressed
 * it), the head goes out with the part's {@code Content-Length}, then the file regions, and the
 * part is marked {@linkplain Part#taken() taken}, so the body, which Micronaut subscribes to only
 * after writing the head, ends at once without reading a byte; Micronaut then writes the end of
 * the message as for any body. Otherwise the body reads the file as a stream, as it always did.
 *
 * <p>Only on a connection without TLS ({@code sendfile} cannot encrypt): with an
 * {@link SslHandler} in the pipeline nothing is reserved. Each region opens the file when it is
 * first sent and closes it when it has been sent or the send failed (the client went away: the
 * connection is closed then, as a half-sent body cannot be mended, and the regions not yet sent
 * are released unopened).
 */
@Singleton
@ChannelHandler.Sharable
final class FileRegionHandler extends ChannelOutboundHandlerAdapter {

    /**
     * The most one region sends: a part is written as regions of this size, one after the other,
     * because a connection's idle timeout ({@code micronaut.server.idle-timeout}) counts a write
     * when it completes, so one 2 GiB region to a slow client would look idle until its end.
     */
    static final long REGION = 4L << 20;

    /** Marks a response whose body is a reserved file part; removed here, never on the wire. */
    static final String MARKER = "X-Cspdesk-File-Region";

    private static final AttributeKey<Map<String, Part>> PARTS = AttributeKey.valueOf("cspdesk.download-file-regions");

    private static final Logger LOG = LoggerFactory.getLogger(FileRegionHandler.class);

    private final AtomicLong ids = new AtomicLong();

    /**
     * Reserves {@code length} bytes of the file from {@code first} for a response on this channel,
     * when the kernel may send them there: a plain connection (no TLS) that has this handler, i.e.
     * HTTP/1 (an HTTP/2 stream's pipeline has not). Empty when not.
     */
    Optional<Part> reserve(Channel channel, Path file, long first, long length) {
        if (channel == null || channel.pipeline().context(this) == null || channel.pipeline().get(SslHandler.class) != null) {
            return Optional.empty();
        }
        Part part = new Part(Long.toString(ids.incrementAndGet()), file, first, length, new AtomicBoolean());
        Map<String, Part> parts = channel.attr(PARTS).setIfAbsent(new ConcurrentHashMap<>());
        (parts == null ? channel.attr(PARTS).get() : parts).put(part.id(), part);
        return Optional.of(part);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.headers().contains(MARKER)) {
            String id = response.headers().get(MARKER);
            response.headers().remove(MARKER);
            Map<String, Part> parts = ctx.channel().attr(PARTS).get();
            Part part = parts == null ? null : parts.remove(id);
            // A full response already carries its body; one something compressed must stream.
            if (part != null && !(msg instanceof FullHttpResponse) && !response.headers().contains(HttpHeaderNames.CONTENT_ENCODING)) {
                part.taken().set(true);
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, part.length());
                ctx.write(response, promise);
                for (long sent = 0; sent < part.length(); sent += REGION) {
                    ctx.write(new DefaultFileRegion(part.file().toFile(), part.first() + sent, Math.min(REGION, part.length() - sent)),
                            ctx.newPromise().addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
                }
                LOG.debug("A download's {} bytes go out as a file region (sendfile)", part.length());
                return;
            }
        }
        ctx.write(msg, promise);
    }

    /**
     * A file part reserved for one response on one connection; {@code taken} once its region is
     * written, when the response's own body must send nothing.
     */
    record Part(String id, Path file, long first, long length, AtomicBoolean taken) {
    }
}
