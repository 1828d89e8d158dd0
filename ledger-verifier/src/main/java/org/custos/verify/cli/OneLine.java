package org.custos.verify.cli;

/**
 * Text from a node (an error page, a JSON-RPC error, an exception message naming what it read) made safe for one
 * line of a terminal: control characters (line breaks, escape sequences) become spaces, and it is cut to a
 * length.
 */
final class OneLine {

    private OneLine() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() <= max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        String line = out.toString().replaceAll(" {2,}", " ").trim();
        return line.length() > max ? line.substring(0, max) + "..." : line;
    }
}
