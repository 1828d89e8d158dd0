package org.custos.verify.testing;

import java.util.EnumMap;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/** Reads a header given as RLP (as some vectors do) into a {@link BlockHeader}, fields in hashing order. */
public final class HeaderRlp {

    private HeaderRlp() {
    }

    public static BlockHeader decode(String hex) {
        RlpList list = (RlpList) Rlp.decode(Bytes.fromHex(hex).toArray());
        HeaderField[] fields = HeaderField.values();
        Map<HeaderField, Bytes> values = new EnumMap<>(HeaderField.class);
        for (int i = 0; i < list.size(); i++) {
            values.put(fields[i], Bytes.of(((RlpString) list.get(i)).bytes()));
        }
        BlockHeader header = BlockHeader.of(values);
        if (!Bytes.of(header.rlp()).equals(Bytes.fromHex(hex))) {
            throw new IllegalArgumentException("header RLP does not round-trip");
        }
        return header;
    }
}
