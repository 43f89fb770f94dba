package dev.ficus.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port that nothing may ever reach: its address is put into generated requests (userinfo, absolute-form
 * authorities, Host headers, network-path references, encoded), and any connection to it means the gateway let a
 * client choose where a request goes. It records what arrived, so a report can show which request got through.
 */
public final class ForbiddenListener implements AutoCloseable {
    /** One connection that reached the port: when, and its first bytes. */
    public record Visit(long atNanos, String firstBytes) {
    }

    private final ServerSocket server;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ForbiddenListener() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "forbidden-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Visit> visits() {
        return visits;
    }

    public int connections() {
        return visits.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                long at = System.nanoTime();
                s.setSoTimeout(200);
                byte[] buf = new byte[512];
                int n = 0;
                try {
                    InputStream in = s.getInputStream();
                    n = Math.max(0, in.read(buf));
                } catch (IOException e) {
                    // a visit without bytes is still a visit
                }
                visits.add(new Visit(at, ByteText.escape(java.util.Arrays.copyOf(buf, n))));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    visits.add(new Visit(System.nanoTime(), "(accept failed: " + e + ")"));
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a test listener: nothing to do
        }
    }
}
