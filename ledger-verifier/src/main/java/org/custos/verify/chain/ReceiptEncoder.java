package org.custos.verify.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;

/**
 * The canonical encoding of a receipt from its JSON-RPC object (Yellow Paper §4.4.1, EIP-658 status, EIP-2718
 * typing): RLP([status, cumulativeGasUsed, logsBloom, logs]) with
 * logs = [[address, [topic, ...], data], ...], prefixed by the type byte unless the type is 0.
 *
 * <p>The bloom inside the encoding is <em>recomputed</em> from the logs, never taken from the node; compare it to
 * the claimed one with {@link #bloom(Map)}.
 */
public final class ReceiptEncoder {

    private ReceiptEncoder() {
    }

    /** @throws RpcFormatException for a missing or malformed field, or a type other than 0 to 4 (EIP-2718) */
    public static byte[] encode(Map<String, ?> receipt) {
        Bytes type = RpcValues.quantity("type", RpcValues.required(receipt, "type"));
        byte[] payload = Rlp.encodeList(status(receipt), TransactionEncoder.scalar(receipt, "cumulativeGasUsed"),
                Rlp.encodeBytes(bloom(receipt)), logs(receipt));
        if (type.length() == 0) {
            return payload;
        }
        if (type.length() == 1 && type.get(0) >= 1 && type.get(0) <= 4) {
            return TransactionEncoder.typed(type.get(0), payload);
        }
        throw new RpcFormatException(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE, "type", "receipt type " + type);
    }

    /** The bloom of the receipt's logs, recomputed (Yellow Paper §4.4.1, eq. 29). */
    public static byte[] bloom(Map<String, ?> receipt) {
        LogsBloom bloom = new LogsBloom();
        for (Map<String, ?> log : logList(receipt)) {
            List<byte[]> topics = new ArrayList<>();
            for (Object topic : RpcValues.list("topics", RpcValues.required(log, "topics"))) {
                topics.add(RpcValues.fixed("topics", topic, 32).toArray());
            }
            bloom.addLog(RpcValues.fixed("address", RpcValues.required(log, "address"), 20).toArray(), topics);
        }
        return bloom.toBytes();
    }

    /**
     * Byzantium and later: status 0 or 1 (EIP-658). Pre-Byzantium receipts (a 32-byte state {@code root} instead)
     * are rejected as {@code MISSING_FIELD}: no real vector for them exists in the project yet.
     */
    private static byte[] status(Map<String, ?> receipt) {
        Bytes status = RpcValues.quantity("status", RpcValues.required(receipt, "status"));
        if (status.length() > 1 || (status.length() == 1 && status.get(0) != 1)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "status", "status must be 0x0 or 0x1");
        }
        return Rlp.encodeBytes(status.toArray());
    }

    private static byte[] logs(Map<String, ?> receipt) {
        List<byte[]> logs = new ArrayList<>();
        for (Map<String, ?> log : logList(receipt)) {
            List<byte[]> topics = new ArrayList<>();
            for (Object topic : RpcValues.list("topics", RpcValues.required(log, "topics"))) {
                topics.add(Rlp.encodeBytes(RpcValues.fixed("topics", topic, 32).toArray()));
            }
            logs.add(Rlp.encodeList(
                    Rlp.encodeBytes(RpcValues.fixed("address", RpcValues.required(log, "address"), 20).toArray()),
                    Rlp.encodeList(topics.toArray(new byte[0][])), TransactionEncoder.data(log, "data")));
        }
        return Rlp.encodeList(logs.toArray(new byte[0][]));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> logList(Map<String, ?> receipt) {
        List<Map<String, ?>> logs = new ArrayList<>();
        for (Object log : RpcValues.list("logs", RpcValues.required(receipt, "logs"))) {
            if (!(log instanceof Map<?, ?>)) {
                throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "logs",
                        "expected log objects, got " + (log == null ? "null" : log.getClass().getSimpleName()));
            }
            logs.add((Map<String, ?>) log);
        }
        return logs;
    }
}
