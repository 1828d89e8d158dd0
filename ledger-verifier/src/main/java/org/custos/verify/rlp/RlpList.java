package org.custos.verify.rlp;

import java.util.List;

/** An RLP list. The item list is immutable. */
public record RlpList(List<RlpItem> items) implements RlpItem {

    public RlpList {
        items = List.copyOf(items);
    }

    public static RlpList of(RlpItem... items) {
        return new RlpList(List.of(items));
    }

    public int size() {
        return items.size();
    }

    public RlpItem get(int index) {
        return items.get(index);
    }
}
