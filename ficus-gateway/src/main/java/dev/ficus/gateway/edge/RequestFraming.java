package dev.ficus.gateway.edge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * The checks of a request head that must happen before anything acts on the request or on the bytes after it,
 * between the HTTP decoder and Vert.x (RFC 9112):
 * <ul>
 *   <li>a version other than HTTP/1.x is refused (505 for HTTP/2 and later, 400 for anything that is not HTTP); the
 *       answer is written as HTTP/1.1, never in the client's version; HTTP/1.2 and later minors are served as
 *       HTTP/1.1;</li>
 *   <li>an HTTP/1.1 request needs exactly one Host, an HTTP/1.0 one at most one (400, as NGINX answers);</li>
 *   <li>a transfer coding other than {@code chunked}, or one on HTTP/1.0, is refused (501, 400): where the body ends
 *       is then a guess, and a guess is how a request is smuggled past a front proxy;</li>
 *   <li>a chunked request is served and its connection closed after the answer (§6.1: it may have come with a
 *       Content-Length that a proxy in front of the gateway read instead, so the bytes after it cannot be trusted);</li>
 *   <li>a body whose chunks cannot be read ends the connection with a lingering close, never a reset.</li>
 * </ul>
 * A refused request reaches Vert.x as a request that failed to decode, with a {@link RejectedRequest} as the cause
 * (the gateway answers it and closes); from then on, and after a chunked request's end, every further inbound message
 * on the connection is dropped unread.
 */
final class RequestFraming extends ChannelInboundHandlerAdapter {
    static final String NAME = "ficus-request-framing";
    private static final String CHUNKED = HttpHeaderValues.CHUNKED.toString();
    private static final long LINGER_MS = 500;

    private boolean discardAfterEnd;
    private boolean discarding;

    static void install(ChannelPipeline pipeline, String decoderName) {
        pipeline.addAfter(decoderName, NAME, new RequestFraming());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (discarding) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            HttpVersion version = request.protocolVersion();
            if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0 && version.majorVersion() == 1
                    && version.protocolName().equals("HTTP")) {
                // Netty reads "http/1.1" or "HTTP/1.2" as versions of their own, which Vert.x answers with a bare
                // 501 in the client's version; a later HTTP/1 minor speaks HTTP/1.1 (RFC 9110 §2.5), as NGINX serves it
                request.setProtocolVersion(version.minorVersion() == 0 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1);
            }
            RejectedRequest rejected = check(request);
            if (rejected != null) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
                request.setDecoderResult(DecoderResult.failure(rejected));
                discarding = true;
                ctx.fireChannelRead(msg);
                return;
            }
            if (request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                // Vert.x then answers with Connection: close and closes after the answer
                request.headers().add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                discardAfterEnd = true;
            }
        }
        if (msg instanceof HttpContent content && !(msg instanceof HttpRequest) && content.decoderResult().isFailure()) {
            lingeringClose(ctx, msg);
            return;
        }
        if (msg instanceof LastHttpContent && discardAfterEnd) {
            discarding = true;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * A body whose chunks cannot be read: where it ends, and so where a next request would begin, is unknown. Vert.x
     * would fail the connection at once, and a close with the client's pipelined bytes still unread goes out as a TCP
     * reset. Instead the failure is kept from Vert.x, everything after it is read and dropped, and the connection is
     * closed after a moment: answers already on their way can finish, and the client sees a clean close. The request
     * whose body broke never ends, so its upstream exchange is reset when the connection goes.
     */
    private void lingeringClose(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        discarding = true;
        ctx.channel().config().setAutoRead(true);
        ctx.executor().schedule(() -> {
            ctx.close();
        }, LINGER_MS, TimeUnit.MILLISECONDS);
    }

    private static RejectedRequest check(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (!version.protocolName().equals("HTTP")) {
            return new RejectedRequest(400, "The request is malformed.", "a protocol other than HTTP");
        }
        if (version.majorVersion() != 1) {
            return new RejectedRequest(505, "The HTTP version is not supported.", "HTTP version "
                    + version.majorVersion() + "." + version.minorVersion());
        }
        boolean http10 = version.minorVersion() == 0;
        int hosts = count(request.headers(), HttpHeaderNames.HOST);
        if (hosts > 1 || (hosts == 0 && !http10)) {
            return new RejectedRequest(400, "The request is malformed.", hosts + " Host headers");
        }
        String coding = request.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
        if (coding != null) {
            if (http10) {
                return new RejectedRequest(400, "The request is malformed.", "a transfer coding on HTTP/1.0");
            }
            if (count(request.headers(), HttpHeaderNames.TRANSFER_ENCODING) != 1
                    || !coding.strip().equalsIgnoreCase(CHUNKED)) {
                return new RejectedRequest(501, "Transfer codings other than chunked are not supported.",
                        "a transfer coding other than chunked");
            }
        }
        return null;
    }

    /** How often a header occurs, counting to two at most: without building the list of its values. */
    private static int count(HttpHeaders headers, CharSequence name) {
        Iterator<? extends CharSequence> values = headers.valueCharSequenceIterator(name);
        int n = 0;
        while (n < 2 && values.hasNext()) {
            values.next();
            n++;
        }
        return n;
    }
}
