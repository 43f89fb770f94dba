package dev.ficus.gateway.attack;

import java.io.IOException;
import java.io.InputStream;
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
final class ForbiddenListener implements AutoCloseable {
    /** One connection that reached the port: when, and its first bytes. */
    record Visit(long atNanos, String firstBytes) {
    }

    private final ServerSocket server;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ForbiddenListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "forbidden-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Visit> visits() {
        return visits;
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
                visits.add(new Visit(at, RawRequest.escape(java.util.Arrays.copyOf(buf, n))));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    visits.add(new Visit(System.nanoTime(), "(accept failed: " + e + ")"));
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
