package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small network helpers: free ports and port probes on the loopback interface. */
public final class Net {

    public static final String LOOPBACK = "127.0.0.1";

    private Net() {
    }

    /** A port that is free right now on 127.0.0.1 (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message that names the setting to change when a port the stack needs is taken. */
    public static void requireFree(int port, String what, String setting) {
        if (isOpen(port)) {
            throw new IllegalStateException("Port " + port + " for " + what + " is already in use (another copy of the "
                    + "stack, or another program?). Stop it, or choose another port with " + setting + ".");
        }
    }
}
