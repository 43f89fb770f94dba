package dev.ficus.gateway.attack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.testing.ByteText;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.ForbiddenListener;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.Recorded;
import dev.ficus.gateway.testing.Shapes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gateway under attack and everything that watches it: a real gateway in front of recording stand-ins of Magento
 * and the four services (every flag on, every stand-in up), the forbidden listener, the log, and the flag directory.
 * {@link #play} sends one generated conversation and judges everything that happened while it ran against the
 * gateway's promises; the first broken promise is the case's failure.
 */
final class AttackRig implements AutoCloseable {
    static final String TAG_HEADER = "X-Attack-Tag";
    static final String ADMIN_API_TOKEN = GatewayFixture.ADMIN_TOKEN;

    /**
     * The timeouts the gateway gets here: short, so that a slow or stalled client is cut off in about a second, and
     * Magento's short enough that an upstream wait cannot pass for a hang.
     */
    static final long CLIENT_HEADER_MS = 1_000;
    static final long CLIENT_BODY_MS = 1_000;
    static final long MAGENTO_MS = 2_000;
    /** What the gateway gets beyond a timeout to write its answer and close: scheduling on 2 busy cores. */
    static final long SLACK_MS = 1_500;

    /** Where the gateway's and the stand-ins' ports are, for generators to aim at. */
    record Ports(int gateway, int magento, int forbidden, List<Integer> services) {
    }

    private static final Pattern CONFIG_KEY = Pattern.compile(
            "\\b(gateway|magento|management|timeouts|limits|auth|flags|admin)\\.[a-z_]+|\\b[a-z]+_[a-z_]+\\b");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.\\.?(/|$)");

    private final GatewayFixture fx;
    private final ForbiddenListener forbidden;
    private final LogCapture logs;
    private final Map<String, String> flagFiles;
    private final Map<String, RawRequest> sent = new ConcurrentHashMap<>();
    private final Map<String, RawRequest> sentBefore = new ConcurrentHashMap<>();
    private final AtomicLong tags = new AtomicLong();
    private final ExecutorService crowd = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "attack-crowd");
        t.setDaemon(true);
        return t;
    });
    private final Ports ports;
    private final Attacks attacks;
    private int visitsSeen;
    private double autoDisablesSeen;

    AttackRig(Path dir) throws IOException {
        logs = new LogCapture();
        forbidden = new ForbiddenListener();
        Map<String, String> flags = new HashMap<>();
        for (Domain d : Domain.values()) {
            flags.put(d.flag(), "true");
        }
        fx = GatewayFixture.start(dir, environment(), flags);
        for (FakeService s : fx.services.values()) {
            // the catalog service answered a NUL byte with 500 (issue 14); Magento has no such SKU and says 404
            s.failOn(path -> path.contains("%00"));
        }
        for (Domain d : Domain.values()) {
            fx.awaitFlag(d, "true");
        }
        flagFiles = flagFiles();
        List<Integer> services = new ArrayList<>();
        for (Domain d : Domain.values()) {
            services.add(fx.service(d).port());
        }
        ports = new Ports(fx.gateway.port(), fx.magento.port(), forbidden.port(), List.copyOf(services));
        attacks = new Attacks(ports);
        List<String> startup = logs.drainUnhandled();
        if (!startup.isEmpty()) {
            throw new IllegalStateException("the gateway logged errors while starting: " + startup);
        }
    }

    /** The settings of issue 14 the suite relies on, as a deployment would give them. */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("FICUS_GATEWAY_TIMEOUTS_CLIENT_HEADER", CLIENT_HEADER_MS + "ms");
        env.put("FICUS_GATEWAY_TIMEOUTS_CLIENT_BODY", CLIENT_BODY_MS + "ms");
        env.put("FICUS_GATEWAY_MANAGEMENT_PORT", "0");
        env.put("FICUS_GATEWAY_TIMEOUTS_MAGENTO", MAGENTO_MS + "ms");
        return env;
    }

    Attacks attacks() {
        return attacks;
    }

    Ports ports() {
        return ports;
    }

    /** A fresh tag for a request (labels only: a replayed case gets new ones). */
    String tag() {
        return "t" + tags.incrementAndGet();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Sends the conversation and judges it; null when every promise held. */
    Property.Failure play(Conversation c) {
        sentBefore.clear();
        sentBefore.putAll(sent);
        sent.clear();
        for (RawRequest r : c.requests()) {
            if (r.tag() != null) {
                sent.put(r.tag(), r);
            }
        }
        fx.magento.requests().clear();
        fx.services.values().forEach(s -> s.requests().clear());

        List<RawClient.Outcome> outcomes = new ArrayList<>();
        if (c.parallel() <= 1) {
            outcomes.add(exchange(c));
        } else {
            List<Future<RawClient.Outcome>> running = new ArrayList<>();
            for (int i = 0; i < c.parallel(); i++) {
                running.add(crowd.submit(() -> exchange(c)));
            }
            for (Future<RawClient.Outcome> f : running) {
                try {
                    outcomes.add(f.get());
                } catch (Exception e) {
                    throw new IllegalStateException("a connection of the crowd failed in the test itself", e);
                }
            }
        }
        if (outcomes.stream().anyMatch(o -> o.end() != RawClient.End.ANSWERED)) {
            // a close or reset is where unhandled exceptions get logged: let those lines arrive before the judging
            sleep(25);
        }
        Property.Failure f = upstreams();
        if (f == null) {
            f = logged();
        }
        if (f == null) {
            f = flags();
        }
        for (int i = 0; f == null && i < outcomes.size(); i++) {
            f = answers(c, outcomes.get(i));
            if (f != null && outcomes.size() > 1) {
                f = new Property.Failure(f.kind(), "connection " + i + " of " + outcomes.size() + ": " + f.detail());
            }
        }
        return f;
    }

    private RawClient.Outcome exchange(Conversation c) {
        long afterLastByte;
        long fromStart;
        switch (c.stall()) {
            case HEAD -> {
                afterLastByte = CLIENT_HEADER_MS + SLACK_MS;
                fromStart = CLIENT_HEADER_MS + SLACK_MS;
            }
            case BODY -> {
                afterLastByte = CLIENT_BODY_MS + SLACK_MS;
                fromStart = 60_000;
            }
            default -> {
                afterLastByte = Math.max(CLIENT_BODY_MS, MAGENTO_MS) + SLACK_MS;
                fromStart = 60_000;
            }
        }
        return RawClient.exchange(ports.gateway(), c.requests(), c.pieces(), c.pauseMs(), c.awaitEach(),
                afterLastByte, fromStart, c.lingerMs());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the promises

    private Property.Failure upstreams() {
        List<ForbiddenListener.Visit> visits = forbidden.visits();
        if (visits.size() > visitsSeen) {
            ForbiddenListener.Visit v = visits.get(visits.size() - 1);
            visitsSeen = visits.size();
            return new Property.Failure("the forbidden listener was reached",
                    "a connection to 127.0.0.1:" + ports.forbidden() + " that got: " + v.firstBytes());
        }
        for (Domain d : Domain.values()) {
            for (Recorded r : fx.service(d).reads()) {
                String why = refuse(d, r);
                if (why != null) {
                    return new Property.Failure("a service got a request that is not a routed read of an allowed "
                            + "caller", "the " + d.id() + " service got " + r.method() + " " + r.uri() + ": " + why);
                }
            }
        }
        Collection<String> probes = GatewayConfig.defaultProbePaths().values();
        for (Recorded r : fx.magento.requests()) {
            String tag = tag(r);
            if (tag == null && r.method().equals("GET") && probes.contains(r.path())) {
                continue;
            }
            if (tag == null || known(tag) == null) {
                return new Property.Failure("an upstream got a request the client never sent as one",
                        "Magento got " + r.method() + " " + r.uri() + " with tag " + tag + " and headers "
                                + r.headers().names());
            }
        }
        return null;
    }

    /** Why a service must not have got this request, or null when it is a routed read of an allowed caller. */
    private String refuse(Domain d, Recorded r) {
        String tag = tag(r);
        if (tag == null) {
            return "the client never sent it as a request (no tag)";
        }
        RawRequest q = known(tag);
        if (q == null) {
            return "its tag " + tag + " is not one of a request the client sent";
        }
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            return "not a read";
        }
        if (!r.method().equals(q.method())) {
            return "the client sent " + ByteText.escape(q.method().getBytes(StandardCharsets.ISO_8859_1));
        }
        if (q.declaresBody()) {
            return "the client's request declared a body";
        }
        String path = r.path();
        if (!routed(d, path)) {
            return "the path is not one of the " + d.id() + " domain's routed reads";
        }
        if (DOT_SEGMENT.matcher(decoded(path)).find()) {
            return "the path has dot segments";
        }
        if (r.headers().contains("Authorization")) {
            return "the service saw the caller's token";
        }
        String customerId = r.headers().get("X-Ficus-Customer-Id");
        if (customerId != null && q.spoofed().contains(customerId)) {
            return "it carries the client's forged X-Ficus-Customer-Id " + customerId;
        }
        if (q.authorizations().size() != 1) {
            return q.authorizations().isEmpty() ? "the client sent no token"
                    : "the client sent " + q.authorizations().size() + " Authorization fields (NGINX in front of "
                    + "Magento answers that with 400)";
        }
        String auth = q.authorizations().get(0);
        String token = magentoToken(auth);
        if (token == null || !allowed(token, path, customerId)) {
            return "Magento would not serve the caller's Authorization '"
                    + ByteText.escape(auth.getBytes(StandardCharsets.ISO_8859_1)) + "' on it";
        }
        return null;
    }

    /**
     * The token Magento reads from an Authorization value, or null: it splits the value at single spaces and takes
     * exactly two pieces, the first {@code bearer} in any case (TokenUserContext::processRequest), so
     * {@code bearer t} is a token and {@code Bearer  t} (two spaces) is none.
     */
    static String magentoToken(String authorization) {
        String[] pieces = RawRequest.ows(authorization).split(" ", -1);
        if (pieces.length != 2 || !pieces[0].equalsIgnoreCase("bearer") || pieces[1].isEmpty()) {
            return null;
        }
        return pieces[1];
    }

    private static boolean routed(Domain d, String path) {
        return switch (d) {
            case CATALOG -> Shapes.PRODUCTS.matcher(path).matches() || (Shapes.PRODUCT.matcher(path).matches()
                    && !path.matches(".*/products/(types|attributes|render-info)"));
            case CUSTOMER -> Shapes.CUSTOMER.matcher(path).matches();
            case ORDER -> Shapes.ORDER.matcher(path).matches() || Shapes.ORDERS.matcher(path).matches();
            case INVENTORY -> Shapes.STOCK.matcher(path).matches() && !path.endsWith("/stockItems/lowStock");
        };
    }

    /** Magento's rules as its stand-in applies them (FakeMagento), on the path the service got. */
    private static boolean allowed(String token, String path, String customerId) {
        if (token.equals(FakeMagento.ADMIN)) {
            return true;
        }
        if (Shapes.PRODUCT.matcher(path).matches() || Shapes.PRODUCTS.matcher(path).matches()) {
            return token.equals(FakeMagento.CATALOG_INTEGRATION);
        }
        Matcher m = Shapes.CUSTOMER.matcher(path);
        // /customers/me reaches the service as the customer's own id, with that id beside it
        return m.matches() && token.equals("customer-" + m.group(1)) && m.group(1).equals(customerId);
    }

    private Property.Failure logged() {
        List<String> lines = logs.drainUnhandled();
        if (lines.isEmpty()) {
            return null;
        }
        return new Property.Failure("an unhandled exception or an ERROR in the log",
                lines.size() + " line(s), the first: " + lines.get(0));
    }

    private Property.Failure flags() {
        double autoDisables = fx.gateway.registry().find("ficus.gateway.auto.disables").counters().stream()
                .mapToDouble(Counter::count).sum();
        Map<String, String> now = flagFiles();
        List<String> off = flagsOff();
        if (autoDisables == autoDisablesSeen && now.equals(flagFiles) && off.isEmpty()) {
            return null;
        }
        autoDisablesSeen = autoDisables;
        restoreFlags();
        Map<String, String> changed = new TreeMap<>(now);
        changed.entrySet().removeIf(e -> e.getValue().equals(flagFiles.get(e.getKey())));
        return new Property.Failure("a flag moved because of client input",
                "flags not on in the gateway: " + off + "; flag files written: " + changed.keySet()
                        + "; auto-disables so far: " + (long) autoDisables);
    }

    private Property.Failure answers(Conversation c, RawClient.Outcome o) {
        List<RawRequest> requests = c.requests();
        List<RawClient.Response> responses = o.responses();
        for (int i = 0; i < responses.size(); i++) {
            RawClient.Response r = responses.get(i);
            if (i >= requests.size()) {
                return failure("the gateway answered a request the client never sent",
                        responses.size() + " answers to " + requests.size() + " requests", o);
            }
            RawRequest q = requests.get(i);
            for (int j = 0; j < i; j++) {
                if (requests.get(j).ambiguousFraming()) {
                    return failure("the connection stayed open after a request of ambiguous length",
                            "request " + j + "'s length could not be told reliably (RFC 9112 6.3: close after "
                                    + "answering it), yet request " + i + " on the same connection was answered", o);
                }
            }
            if (c.stall() != Conversation.Stall.NONE && i == requests.size() - 1 && r.status() != 408) {
                return failure("a slow client was not cut off with 408",
                        "the unfinished request got " + r, o);
            }
            boolean cleanBefore = requests.subList(0, i).stream().noneMatch(RawRequest::hostile);
            if (r.status() == 101) {
                return failure("the gateway switched protocols", "request " + i + " got " + r.statusLine(), o);
            }
            if (r.status() >= 500 && !(r.fromGateway() && q.allowed5xx().contains(r.status()))) {
                return failure("a 5xx that is not an upstream's failure", "request " + i + " got " + r
                        + (r.fromGateway() ? "" : " (an upstream's own 5xx reached the client)")
                        + "; every upstream was up", o);
            }
            if (r.fromGateway() && r.status() >= 400 && !q.head()) {
                String why = badError(r);
                if (why != null) {
                    return failure("a gateway error not in Magento's shape, echoing input or naming configuration",
                            "request " + i + " got " + r + ": " + why, o);
                }
            }
            if (cleanBefore && q.contractStatus() != null && r.status() != q.contractStatus()) {
                return failure("a request-target answered against the contract", "request " + i + " got "
                        + r.statusLine() + ", the contract says " + q.contractStatus(), o);
            }
            if (cleanBefore && q.expected() != null) {
                String why = unexpected(q.expected(), r);
                if (why != null) {
                    return failure("a well-formed request was not answered as it must be",
                            "request " + i + ": " + why, o);
                }
            }
        }
        int next = responses.size();
        switch (o.end()) {
            case DEADLINE -> {
                return failure(c.stall() == Conversation.Stall.NONE ? "neither an answer nor a close in time"
                                : "a slow client was not cut off with 408",
                        "request " + next + " had no answer and the connection was still open", o);
            }
            case TRUNCATED, MALFORMED -> {
                return failure("a response cut short or malformed", o.detail(), o);
            }
            case RESET -> {
                if (next == 0) {
                    return failure("the connection was reset before any answer", o.detail(), o);
                }
            }
            default -> {
            }
        }
        if (next < requests.size() && requests.subList(0, next + 1).stream().noneMatch(RawRequest::hostile)
                && requests.subList(0, next).stream().noneMatch(RawRequest::transferEncoded)
                && c.stall() == Conversation.Stall.NONE) {
            return failure("a well-formed request was not answered as it must be",
                    "the connection ended (" + o.end() + ") before well-formed request " + next + " was answered", o);
        }
        return null;
    }

    private static Property.Failure failure(String kind, String detail, RawClient.Outcome o) {
        return new Property.Failure(kind, detail + "\n" + o.describe());
    }

    private static String unexpected(RawRequest.Expected e, RawClient.Response r) {
        String backend = r.header("X-Ficus-Backend");
        if (r.status() != e.status() || !e.backend().equals(backend)) {
            return "expected " + e.status() + " from " + e.backend() + ", got " + r;
        }
        if (e.body() != null && !e.body().equals(r.bodyText())) {
            return "expected the body " + e.body() + ", got " + r;
        }
        if (e.bodyHint() != null && !r.bodyText().contains(e.bodyHint())) {
            return "expected a body with " + e.bodyHint() + ", got " + r;
        }
        return null;
    }

    /** What is wrong with an error the gateway wrote itself, or null. */
    private static String badError(RawClient.Response r) {
        String type = r.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            return "Content-Type " + type + " is not JSON";
        }
        JsonNode message;
        try {
            message = Json.read(r.bodyText()).get("message");
        } catch (RuntimeException e) {
            return "the body is not JSON";
        }
        if (message == null || !message.isTextual()) {
            return "no \"message\" string";
        }
        String text = message.asText();
        if (text.toLowerCase(Locale.ROOT).contains(Attacks.CANARY)) {
            return "it repeats the client's bytes";
        }
        Matcher key = CONFIG_KEY.matcher(text);
        if (key.find()) {
            return "it names the configuration key '" + key.group() + "'";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RawRequest known(String tag) {
        RawRequest q = sent.get(tag);
        return q != null ? q : sentBefore.get(tag);
    }

    private static String tag(Recorded r) {
        String v = r.headers().get(TAG_HEADER);
        if (v == null || v.isBlank()) {
            return null;
        }
        return v.strip().split("[ \t]", 2)[0];
    }

    private static String decoded(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private Map<String, String> flagFiles() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(fx.flagDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p)) {
                    out.put(name, Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Puts the flag directory back as it was, so that later cases run with every flag on again. */
    private void restoreFlags() {
        // the gateway writes the store after it has turned the flag off in memory: let that write land first
        sleep(300);
        try {
            for (String name : flagFiles().keySet()) {
                if (!flagFiles.containsKey(name)) {
                    Files.deleteIfExists(fx.flagDir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flagFiles.forEach((name, content) -> fx.flag(name, content.strip()));
        org.awaitility.Awaitility.await("every flag on again after a restore").atMost(java.time.Duration.ofSeconds(5))
                .until(() -> flagsOff().isEmpty());
    }

    private List<String> flagsOff() {
        List<String> off = new ArrayList<>();
        for (Domain d : Domain.values()) {
            Gauge on = fx.gateway.registry().find("ficus.gateway.flag.state").tag("flag", d.flag())
                    .tag("state", "on").gauge();
            if (on != null && on.value() != 1) {
                off.add(d.flag());
            }
        }
        return off;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        crowd.shutdownNow();
        try {
            fx.close();
        } finally {
            forbidden.close();
            logs.close();
        }
    }
}
