package dev.ficus.gateway.edge;

import io.netty.handler.codec.ByteToMessageDecoder;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How many received bytes the HTTP decoder holds that it has not made into messages yet: after a request ends, the
 * start of the next head when a client pipelined it. Netty keeps the count protected
 * ({@code ByteToMessageDecoder.actualReadableBytes()}); it is read through a method handle found once, and where it
 * cannot be found (another Netty) the count reads as 0, which only means a pipelined head's clock starts with its next
 * byte instead of at once.
 */
final class DecoderBacklog {
    private static final MethodHandle READABLE = find();

    private DecoderBacklog() {
    }

    static int of(ByteToMessageDecoder decoder) {
        if (READABLE == null) {
            return 0;
        }
        try {
            return (int) READABLE.invokeExact(decoder);
        } catch (Throwable e) {
            return 0;
        }
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.privateLookupIn(ByteToMessageDecoder.class, MethodHandles.lookup())
                    .findVirtual(ByteToMessageDecoder.class, "actualReadableBytes", MethodType.methodType(int.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
