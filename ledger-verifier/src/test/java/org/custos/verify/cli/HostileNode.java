package org.custos.verify.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node that lies at the HTTP level: a raw {@link ServerSocket} on 127.0.0.1, so a test controls every byte of
 * the answer (malformed header lines, false lengths, endless or trickling bodies). Each connection carries one
 * request; the behaviour writes whatever it likes, then the connection is closed.
 */
final class HostileNode implements AutoCloseable {

    /** Writes the answer to a request (its JSON-RPC calls, parsed) as raw bytes. */
    interface Behaviour {
        void answer(List<Map<String, Object>> calls, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    HostileNode(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(behaviour), "hostile-node");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    private void accept(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket, behaviour), "hostile-node-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long length = 0;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
            List<Map<String, Object>> calls = new ArrayList<>();
            for (Object call : (List<?>) Json.parse(body)) {
                calls.add(Json.object(call));
            }
            behaviour.answer(calls, socket.getOutputStream());
            socket.getOutputStream().flush();
        } catch (IOException | InterruptedException e) {
            // the client went away (as it should when it gives up on a hostile answer)
        } finally {
            open.remove(socket);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    // ---- building blocks for behaviours ----

    /** The honest answers of {@link VectorNode} (Shanghai block 17034870, full transactions) to these calls, as result values. */
    static List<Object> honestResults(List<Map<String, Object>> calls) {
        List<Object> results = new ArrayList<>();
        String dir = "vectors/ethereum-blocks/mainnet-17034870-shanghai/";
        for (Map<String, Object> call : calls) {
            results.add(switch ((String) call.get("method")) {
                case "eth_chainId" -> "0x1";
                case "eth_getBlockByNumber" -> org.custos.verify.testing.Json.resource(dir + "block.json");
                case "eth_getBlockReceipts" -> org.custos.verify.testing.Json.resource(dir + "receipts.derived-from-portal-rlp.json");
                default -> null;
            });
        }
        return results;
    }

    /** A JSON-RPC batch answer carrying these results under the calls' ids. */
    static byte[] batch(List<Map<String, Object>> calls, List<Object> results) {
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("jsonrpc", "2.0");
            answer.put("id", calls.get(i).get("id"));
            answer.put("result", results.get(i));
            answers.add(answer);
        }
        return Json.write(answers).getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed HTTP/1.1 200 answer with this body. */
    static void ok(OutputStream out, byte[] body) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    /** Answers {@code eth_chainId} honestly and lets {@code rest} answer the block batches. */
    static Behaviour afterChainId(Behaviour rest) {
        return (calls, out) -> {
            if (calls.size() == 1 && "eth_chainId".equals(calls.get(0).get("method"))) {
                ok(out, batch(calls, honestResults(calls)));
            } else {
                rest.answer(calls, out);
            }
        };
    }
}
