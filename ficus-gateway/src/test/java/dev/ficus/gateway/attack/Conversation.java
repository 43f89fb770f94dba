package dev.ficus.gateway.attack;

import java.util.List;

/**
 * What one generated case sends: requests on one connection (or, for a crowd of slow clients, the same request on
 * several at once) and how their bytes go out.
 *
 * @param pieces    for each request, the pieces its bytes are written in
 * @param pauseMs   the pause before each piece (a slow client); 0 writes at once
 * @param awaitEach write a request only once the previous one has its answer; false: all pipelined
 * @param stall     whether the last request is left unfinished on purpose, and which part of it
 * @param parallel  connections that send the same thing at once (a crowd of slow clients); 1 for one
 * @param lingerMs  how long to listen for an answer to a request the client never sent, once all are answered
 */
record Conversation(List<RawRequest> requests, List<List<byte[]>> pieces, long pauseMs, boolean awaitEach,
                    Stall stall, int parallel, long lingerMs) {

    enum Stall {
        NONE,
        /** The head never ends, or ends only after the client-header time (dribbled). */
        HEAD,
        /** The head is whole, the body stops short of its declared length. */
        BODY
    }

    static Conversation of(List<RawRequest> requests, List<List<byte[]>> pieces, boolean awaitEach, long lingerMs) {
        return new Conversation(requests, pieces, 0, awaitEach, Stall.NONE, 1, lingerMs);
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        out.append("  ").append(requests.size()).append(requests.size() == 1 ? " request" : " requests")
                .append(parallel > 1 ? " on each of " + parallel + " connections" : " on one connection")
                .append(requests.size() > 1 ? (awaitEach ? ", one after the other" : ", pipelined") : "")
                .append(pauseMs > 0 ? ", written in " + pieces.stream().mapToInt(List::size).sum() + " pieces "
                        + pauseMs + " ms apart" : pieces.stream().anyMatch(p -> p.size() > 1)
                        ? ", written in " + pieces.stream().mapToInt(List::size).sum() + " pieces" : "")
                .append(stall == Stall.NONE ? "" : ", the last one stalls in its " + stall.name().toLowerCase())
                .append('\n');
        for (RawRequest r : requests) {
            out.append(r.describe()).append('\n');
        }
        return out.toString();
    }
}
