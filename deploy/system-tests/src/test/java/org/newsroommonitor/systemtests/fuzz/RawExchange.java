package org.newsroommonitor.systemtests.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange written byte for byte on a socket of its own ({@code Connection: close}), so that a request
 * can carry what a well-behaved client refuses to send: a request target with broken percent-encoding or raw
 * non-ASCII bytes, a body of invalid UTF-8, a Content-Type of garbage. The answer is read to its end, except a
 * server-sent event stream, whose head only is read. Every read is bounded by {@code timeout}: an answer that does
 * not come in time throws {@link SocketTimeoutException}, which the fuzz test counts as a hang.
 */
record RawExchange(String method, String target, List<String[]> headers, byte[] body) {

    /** The status, the headers (names lower-cased, last value wins) and the body as received. */
    record Answer(int status, Map<String, String> headers, byte[] body, Duration took) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** What was sent, printed for a failing try; long parts cut. */
    String describe() {
        StringBuilder out = new StringBuilder(method).append(' ').append(cut(target, 300));
        for (String[] header : headers) {
            out.append("\n  ").append(header[0]).append(": ").append(cut(header[1], 200));
        }
        if (body.length > 0) {
            out.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 400));
        }
        return out.toString();
    }

    Answer send(URI service, Duration timeout) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(service.getHost(), service.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + service.getHost() + ":"
                    + service.getPort() + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            for (String[] header : headers) {
                request.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(method)) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer (413, 431) and close before the whole request is written: read that answer
            }
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            byte[] answerBody;
            if (answerHeaders.getOrDefault("content-type", "").startsWith("text/event-stream")
                    || method.equals("HEAD")) {
                answerBody = new byte[0]; // an open stream: its head is the answer
            } else if (answerHeaders.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
                answerBody = readChunked(in);
            } else if (answerHeaders.containsKey("content-length")) {
                answerBody = in.readNBytes(Integer.parseInt(answerHeaders.get("content-length")));
            } else {
                answerBody = in.readAllBytes();
            }
            return new Answer(status, answerHeaders, answerBody, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection was closed before a whole answer head came: '"
                        + head.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
            if (size == 0) {
                return body.toByteArray(); // trailers, if any, are not needed
            }
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("the connection was closed in the middle of a chunked body");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String cut(String text, int max) {
        String printable = text.replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= max ? printable : printable.substring(0, max) + "...(" + text.length() + ")";
    }
}
