package org.newsroommonitor.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy for the fault tests, on 127.0.0.1: forwards every connection to a target port and, while
 * {@link #degrade degraded}, delays every chunk of data in both directions and resets connections at random (an
 * RST to both ends, as a broken network or a dropped NAT entry does). {@link #heal()} ends both; connections that
 * survived carry on. Each connection is two virtual threads copying bytes.
 */
final class LossyProxy implements AutoCloseable {

    private final String name;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService resetter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("lossy-proxy-resets").factory());
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private volatile long latencyMillis;
    private volatile double resetChance;
    private volatile boolean closed;

    /** One proxied connection: the client's socket and ours to the target. */
    private record Link(Socket client, Socket target) {
        void close() {
            for (Socket socket : new Socket[] {client, target}) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }

        void reset() {
            for (Socket socket : new Socket[] {client, target}) {
                try {
                    socket.setSoLinger(true, 0); // close with an RST instead of a FIN
                    socket.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }

    LossyProxy(String name, int listenPort, int targetPort) throws IOException {
        this.name = name;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 128);
        Thread.ofPlatform().daemon().name("lossy-proxy-" + name).start(this::accept);
        resetter.scheduleAtFixedRate(this::resetSome, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * From now on delays each chunk by {@code latency} each way and, every second, resets each open connection with
     * probability {@code resetChancePerSecond}.
     */
    void degrade(Duration latency, double resetChancePerSecond) {
        latencyMillis = latency.toMillis();
        resetChance = resetChancePerSecond;
    }

    /** No more delays or resets. */
    void heal() {
        resetChance = 0;
        latencyMillis = 0;
    }

    long connections() {
        return connections.get();
    }

    long resets() {
        return resets.get();
    }

    private void resetSome() {
        double chance = resetChance;
        if (chance <= 0) {
            return;
        }
        for (Link link : links) {
            if (ThreadLocalRandom.current().nextDouble() < chance && links.remove(link)) {
                resets.incrementAndGet();
                link.reset();
            }
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofVirtual().start(() -> open(client));
        }
    }

    private void open(Socket client) {
        Socket target = new Socket();
        try {
            target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        } catch (IOException e) {
            new Link(client, target).reset(); // the target is down: the client sees its connection reset
            return;
        }
        connections.incrementAndGet();
        Link link = new Link(client, target);
        links.add(link);
        Thread.ofVirtual().start(() -> pump(link, client, target));
        Thread.ofVirtual().start(() -> pump(link, target, client));
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long latency = latencyMillis;
                if (latency > 0) {
                    Thread.sleep(latency); // the fault itself: a slow network, not a wait for a condition
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            if (links.remove(link)) { // one side closed: so does the other
                link.close();
            }
        } catch (IOException e) {
            if (links.remove(link)) {
                link.reset(); // one side broke: the other learns it at once
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        resetter.shutdownNow();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::reset);
        links.clear();
    }

    @Override
    public String toString() {
        return name + " proxy -> " + targetPort;
    }
}
