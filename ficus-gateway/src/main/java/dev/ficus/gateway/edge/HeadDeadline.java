package dev.ficus.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
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
    private static final long NONE = Long.MIN_VALUE;
    private final long limitNanos;
    private final byte[] timeoutResponse;
    private final Runnable onTimeout;
    private boolean awaitingHead = true;
    /** When the head now arriving began (System.nanoTime), or {@link #NONE}. */
    private long headStart = NONE;
    /** The one pending check of this connection; rescheduled lazily, never once per request. */
    private ScheduledFuture<?> check;
    private ByteToMessageDecoder decoder;
    /** The context below the decoder: where the timeout answer is written, straight to the socket. */
    private ChannelHandlerContext below;

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
        if (!(pipeline.get(decoderName) instanceof ByteToMessageDecoder decoder)) {
            return false;
        }
        HeadDeadline deadline = new HeadDeadline(limitNanos, timeoutResponse, onTimeout);
        deadline.decoder = decoder;
        pipeline.addBefore(decoderName, BYTES, deadline.new Bytes());
        pipeline.addAfter(decoderName, HEADS, deadline.new Heads());
        return true;
    }

    /**
     * A head began. Scheduling and cancelling a timer for every request would put two operations on the event loop's
     * timer queue per request; instead one check per connection stays pending and, when it runs, either finds the
     * head overdue or schedules itself for when the current head would be.
     */
    private void start() {
        headStart = System.nanoTime();
        if (check == null) {
            check = below.executor().schedule(this::check, limitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        ChannelHandlerContext ctx = below;
        check = null;
        if (!awaitingHead || headStart == NONE || !ctx.channel().isActive()) {
            return;
        }
        long overdueIn = headStart + limitNanos - System.nanoTime();
        if (overdueIn > 0) {
            check = ctx.executor().schedule(this::check, overdueIn, TimeUnit.NANOSECONDS);
            return;
        }
        onTimeout.run();
        // written from below the decoder and encoder: straight to the socket, whatever state HTTP handling is in
        ctx.writeAndFlush(Unpooled.wrappedBuffer(timeoutResponse)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Before the decoder: bytes of a request head have begun to arrive. */
    private final class Bytes extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            below = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (awaitingHead && headStart == NONE && msg instanceof ByteBuf buf && buf.isReadable()) {
                start();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (check != null) {
                check.cancel(false);
                check = null;
            }
            ctx.fireChannelInactive();
        }
    }

    /** After the decoder: a head is whole, or a request (body included) has ended and the next head may begin. */
    private final class Heads extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                awaitingHead = false;
                headStart = NONE;
            }
            if (msg instanceof LastHttpContent) {
                awaitingHead = true;
                if (DecoderBacklog.of(decoder) > 0) {
                    // the next head came pipelined with this request, in bytes already read: its clock runs from now
                    start();
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
