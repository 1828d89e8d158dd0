package org.custos.portal.evidence.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Mutates a JSON document the way an adversary would: a value replaced by another type (null, booleans, huge and
 * fractional numbers, empty or long strings, empty or deeply nested containers), a field removed, renamed or
 * duplicated, the whole document replaced by another shape, and text-level damage (truncation, trailing content,
 * a byte-order mark, bytes that are not UTF-8, deep nesting beyond any parser limit). Deterministic for a
 * {@link Random}.
 */
final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutator() {
    }

    static byte[] mutate(byte[] json, Random r) {
        int op = r.nextInt(10);
        if (op < 6) {
            try {
                JsonNode root = JSON.readTree(json);
                if (root != null && root.isContainerNode()) {
                    return JSON.writeValueAsBytes(treeMutation(root, r));
                }
            } catch (java.io.IOException e) {
                // not JSON (any more): damage its text instead
            }
        }
        return op == 6 ? shape(r) : text(json, r);
    }

    /** A document of another shape altogether. */
    static byte[] shape(Random r) {
        String[] shapes = {"null", "[]", "{}", "\"custos-bundle/1\"", "0", "-1", "1e400", "true", "",
                "  ", "{\"a\":1}{\"a\":1}", "[{}]", "{\"format\":null}", "9".repeat(5000)};
        if (r.nextInt(4) == 0) {
            return deep(1 + r.nextInt(20_000), r.nextBoolean()).getBytes(StandardCharsets.UTF_8);
        }
        return shapes[r.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
    }

    static String deep(int depth, boolean arrays) {
        StringBuilder b = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "[" : "{\"a\":");
        }
        b.append("1");
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "]" : "}");
        }
        return b.toString();
    }

    private static JsonNode treeMutation(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        int times = 1 + r.nextInt(3);
        for (int t = 0; t < times; t++) {
            if (target instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(r.nextInt(names.size()));
                switch (r.nextInt(4)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set(name + (r.nextBoolean() ? "x" : ""), o.remove(name));
                    case 2 -> o.set(r.nextBoolean() ? "extra" : "\u0000", value(r));
                    default -> o.set(name, value(r));
                }
            } else if (target instanceof ArrayNode a) {
                if (a.size() > 0 && r.nextBoolean()) {
                    int i = r.nextInt(a.size());
                    switch (r.nextInt(3)) {
                        case 0 -> a.remove(i);
                        case 1 -> a.add(a.get(i).deepCopy());
                        default -> a.set(i, value(r));
                    }
                } else {
                    a.add(value(r));
                }
            }
        }
        return root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    static JsonNode value(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextLong());
            case 3 -> NODES.numberNode(new BigInteger(1 + r.nextInt(2000), r));
            case 4 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(300)));
            case 5 -> NODES.textNode("");
            case 6 -> NODES.textNode("x".repeat(r.nextInt(200_000)));
            case 7 -> NODES.arrayNode();
            case 8 -> NODES.objectNode();
            case 9 -> NODES.textNode("0x" + "ab".repeat(32));
            case 10 -> NODES.textNode("../../etc/passwd");
            case 11 -> NODES.textNode("<script>alert(1)</script>\u0000\uFFFF\uD800");
            case 12 -> {
                ArrayNode a = NODES.arrayNode();
                ArrayNode cur = a;
                for (int i = 0; i < r.nextInt(900); i++) {
                    ArrayNode next = NODES.arrayNode();
                    cur.add(next);
                    cur = next;
                }
                yield a;
            }
            default -> NODES.textNode(Integer.toString(r.nextInt()));
        };
    }

    private static byte[] text(byte[] json, Random r) {
        String s = new String(json, StandardCharsets.UTF_8);
        switch (r.nextInt(7)) {
            case 0 -> {
                return java.util.Arrays.copyOf(json, json.length == 0 ? 0 : r.nextInt(json.length));
            }
            case 1 -> {
                return (s + (r.nextBoolean() ? " {}" : "garbage")).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
                byte[] out = new byte[bom.length + json.length];
                System.arraycopy(bom, 0, out, 0, 3);
                System.arraycopy(json, 0, out, 3, json.length);
                return out;
            }
            case 3 -> {
                byte[] out = json.clone();
                if (out.length > 0) {
                    out[r.nextInt(out.length)] = (byte) (0x80 + r.nextInt(0x80));
                }
                return out;
            }
            case 4 -> {
                // a duplicate key: the first field of the document written twice
                int brace = s.indexOf('{');
                int colon = s.indexOf(':', brace);
                int comma = s.indexOf(',', colon);
                if (brace < 0 || colon < 0 || comma < 0) {
                    return s.getBytes(StandardCharsets.UTF_8);
                }
                return (s.substring(0, comma + 1) + s.substring(brace + 1, comma + 1) + s.substring(comma + 1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                int at = s.isEmpty() ? 0 : r.nextInt(s.length());
                return (s.substring(0, at) + deep(500 + r.nextInt(5000), r.nextBoolean()) + s.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                byte[] out = json.clone();
                for (int i = 0; i < 1 + r.nextInt(4) && out.length > 0; i++) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
                return out;
            }
        }
    }
}
