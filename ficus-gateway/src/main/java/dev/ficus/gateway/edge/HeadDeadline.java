package dev.ficus.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The request head must arrive whole within a time limit once its first byte has arrived. The connection's idle
 * timeout alone does not bound it: every byte restarts that, so a client sending its head a byte a second would keep
 * its connection for ever. Between requests an idle keep-alive connection is left to the idle timeout.
 *
 * <p>Two Netty handlers share one state: one before the HTTP decoder sees the bytes arrive and starts the clock when a
 * request head begins; one after it sees the decoded head (the clock stops) and the end of the request (the next
 * bytes begin the next head). When the clock runs out the client gets the given 408 response, written below the HTTP
 * encoder, and the connection is closed.
 */
public final class HeadDeadline {
    static final String BYTES = "ficus-head-bytes";
    static final String HEADS = "ficus-head-decoded";
    private final long limitNanos;
    private final byte[] timeoutResponse;
    private final Runnable onTimeout;
    private boolean awaitingHead = true;
    private ScheduledFuture<?> clock;

    private HeadDeadline(long limitNanos, byte[] timeoutResponse, Runnable onTimeout) {
        this.limitNanos = limitNanos;
        this.timeoutResponse = timeoutResponse;
        this.onTimeout = onTimeout;
    }

    /**
     * Puts the two handlers around the pipeline's HTTP/1.x decoder ({@code httpDecoder} in Vert.x 5); returns false
     * when there is none (an HTTP/2 connection, which has its own framing), leaving the pipeline as it was.
     */
    static boolean install(ChannelPipeline pipeline, String decoderName, long limitNanos, byte[] timeoutResponse,
                           Runnable onTimeout) {
        if (pipeline.get(decoderName) == null) {
            return false;
        }
        HeadDeadline deadline = new HeadDeadline(limitNanos, timeoutResponse, onTimeout);
        pipeline.addBefore(decoderName, BYTES, deadline.new Bytes());
        pipeline.addAfter(decoderName, HEADS, deadline.new Heads());
        return true;
    }

    private void start(ChannelHandlerContext ctx) {
        if (clock == null) {
            clock = ctx.executor().schedule(() -> expire(ctx), limitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        clock = null;
        if (!awaitingHead || !ctx.channel().isActive()) {
            return;
        }
        onTimeout.run();
        // written from below the decoder and encoder: straight to the socket, whatever state HTTP handling is in
        ctx.writeAndFlush(Unpooled.wrappedBuffer(timeoutResponse)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Before the decoder: bytes of a request head have begun to arrive. */
    private final class Bytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (awaitingHead && msg instanceof ByteBuf buf && buf.isReadable()) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }
    }

    /** After the decoder: a head is whole, or a request (body included) has ended and the next head may begin. */
    private final class Heads extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                awaitingHead = false;
                stop();
            }
            if (msg instanceof LastHttpContent) {
                awaitingHead = true;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
