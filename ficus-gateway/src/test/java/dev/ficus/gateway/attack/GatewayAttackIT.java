package dev.ficus.gateway.attack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack suite of issue 14: generated raw requests against a real gateway in front of recording stand-ins of
 * Magento and the services (every flag on, every stand-in up) and a listener that nothing may reach. Every case of
 * every property is held to all of the gateway's promises at once ({@link AttackRig#play}):
 * <ul>
 *   <li>the forbidden listener gets no connection;</li>
 *   <li>a service gets only routed reads (GET/HEAD, no body, a path of its domain) of callers Magento allows there,
 *       without their token and without a forged gateway header; no upstream gets a request the client never sent
 *       as one (a smuggled request);</li>
 *   <li>every request ends with a complete response or a clean close within the timeouts, and no request is
 *       answered after one whose length was ambiguous (that connection must close);</li>
 *   <li>no 5xx from the gateway itself (every upstream is up, so not even 502/504), except 501/505 where HTTP
 *       prescribes them; the gateway's own errors are {@code {"message": …}}, never echo the client's bytes and never
 *       name a configuration key;</li>
 *   <li>the contract's statuses: CONNECT {@value Attacks#CONNECT_STATUS}, {@code OPTIONS *} and unparseable targets
 *       {@value Attacks#UNPARSEABLE_STATUS}; well-formed requests (reads, refused reads, writes, operations paths,
 *       which on the shop's port are Magento's) get exactly their answer;</li>
 *   <li>no ERROR and no stack trace in the log; no flag moves.</li>
 * </ul>
 * The properties differ in what they generate. Sized for CI (well under a minute on 2 cores); for a long local run
 * {@code -Dficus.attack.tries=N} sets the cases of each property (the slow-client one gets N/200, the smuggling one
 * N/4), {@code -Dficus.attack.seed=S} repeats a run and {@code -Dficus.attack.shrinkSeconds=T} bounds the shrinking
 * of a failure (20 s by default).
 */
class GatewayAttackIT {
    private static final Integer TRIES = Integer.getInteger("ficus.attack.tries");
    private static final long SEED = Long.getLong("ficus.attack.seed", new SecureRandom().nextLong());
    private static final Duration SHRINK = Duration.ofSeconds(Long.getLong("ficus.attack.shrinkSeconds", 20));

    @TempDir
    static Path dir;
    static AttackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new AttackRig(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void requestTargetFormsAndPathTricks() {
        check("request targets", tries(150, 1), d -> single(d, rig.attacks()::targets));
    }

    @Test
    void duplicateConflictingFoldedAndInjectedHeaders() {
        check("headers", tries(150, 1), d -> single(d, rig.attacks()::headers));
    }

    @Test
    void oddMethodsVersionsAndChunkedBodies() {
        check("methods, versions and bodies", tries(120, 1), d -> single(d, rig.attacks()::methodsVersionsBodies));
    }

    @Test
    void pipelinesMixingWellFormedAndHostileRequests() {
        check("pipelines", tries(100, 1), d -> {
            int n = 2 + d.below(4);
            List<RawRequest> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                requests.add(rig.attacks().any(d, rig.tag()));
            }
            boolean awaitEach = d.chance(30);
            return Conversation.of(requests, pieces(d, requests), awaitEach, 0);
        });
    }

    @Test
    void requestSmugglingGadgets() {
        check("smuggling", tries(40, 4), d -> {
            List<RawRequest> requests = new ArrayList<>();
            requests.add(rig.attacks().smuggler(d, rig.tag()));
            requests.add(rig.attacks().wellFormed(d, rig.tag()).build());
            return Conversation.of(requests, pieces(d, requests), false, 150);
        });
    }

    @Test
    void inputThatServicesFailOnNeverMovesAFlag() {
        check("client input and flags", tries(15, 10), d -> {
            List<RawRequest> requests = rig.attacks().sameKindReads(d, rig::tag);
            return Conversation.of(requests, pieces(d, requests), true, 0);
        });
    }

    @Test
    void slowAndStalledClientsAreCutOff() {
        check("slow clients", tries(6, 200), this::slow);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Conversation slow(Draw d) {
        RawRequest whole = rig.attacks().wellFormed(d, rig.tag()).build();
        byte[] bytes = whole.bytes();
        int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        int kind = d.below(5);
        switch (kind) {
            case 0 -> {
                List<byte[]> pieces = new ArrayList<>();
                for (int at = 0; at < bytes.length; at += 3) {
                    pieces.add(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 3)));
                }
                return new Conversation(List.of(note(whole, bytes, "dribbled 3 bytes at a time")),
                        List.of(pieces), 150, false, Conversation.Stall.HEAD, 1, 0);
            }
            case 1, 4 -> {
                byte[] cut = Arrays.copyOf(bytes, 1 + d.below(headEnd + 2));
                RawRequest stalled = note(whole, cut, "the head stops after " + cut.length + " bytes");
                // the second kind is a crowd: slow clients must not be able to keep connections by their number
                return new Conversation(List.of(stalled), List.of(List.of(cut)), 0, false, Conversation.Stall.HEAD,
                        kind == 4 ? 30 : 1, 0);
            }
            case 2 -> {
                return stalledBody(whole, "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"qty\":",
                        "a body that stops at 7 of 100 bytes");
            }
            default -> {
                return stalledBody(whole, "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"qty\":\r\n",
                        "a chunked body that stops after its first chunk");
            }
        }
    }

    /** A write whose head is whole and whose body stops after the given bytes. */
    private static Conversation stalledBody(RawRequest whole, String framingAndBody, String what) {
        String sent = "POST /rest/V1/carts/mine/items HTTP/1.1\r\n" + AttackRig.TAG_HEADER + ": " + whole.tag()
                + "\r\nHost: 127.0.0.1:" + rig.ports().gateway() + "\r\n" + framingAndBody;
        byte[] cut = sent.getBytes(StandardCharsets.ISO_8859_1);
        return new Conversation(List.of(note(whole, cut, what)), List.of(List.of(cut)), 0, false,
                Conversation.Stall.BODY, 1, 0);
    }

    /** The request as the unfinished bytes that are actually sent: hostile, as no answer but 408 will do. */
    private static RawRequest note(RawRequest r, byte[] bytes, String what) {
        List<String> notes = new ArrayList<>(r.notes());
        notes.add(what);
        String method = RawRequest.methodToken(new String(bytes, StandardCharsets.ISO_8859_1));
        return new RawRequest(r.tag(), bytes, method, null, null, r.allowed5xx(), r.authorizations(),
                r.declaresBody(), false, r.spoofed(), notes);
    }

    private static Conversation single(Draw d, BiFunction<Draw, String, RawRequest> generator) {
        List<RawRequest> requests = List.of(generator.apply(d, rig.tag()));
        return Conversation.of(requests, pieces(d, requests), false, 0);
    }

    /** Mostly each request in one write; now and then in several, so that every parser state sees a packet end. */
    private static List<List<byte[]>> pieces(Draw d, List<RawRequest> requests) {
        List<List<byte[]>> out = new ArrayList<>();
        for (RawRequest r : requests) {
            out.add(d.chance(20) ? Attacks.split(d, r.bytes(), 6) : List.of(r.bytes()));
        }
        return out;
    }

    /** The CI default, or the long run's number of cases scaled down for a property whose cases cost more. */
    private static int tries(int ci, int divisor) {
        return TRIES == null ? ci : Math.max(ci, TRIES / divisor);
    }

    private static void check(String name, int tries, Function<Draw, Conversation> generator) {
        long started = System.nanoTime();
        new Property<>(name, generator, rig::play, Conversation::describe).check(tries, SEED, SHRINK);
        System.out.printf("attack suite: %s, %d cases of seed %d, %d ms%n", name, tries, SEED,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return bytes.length - 1;
    }
}
