package org.custos.consortium.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/**
 * Decodes the events of known contracts from receipts, by the ABI the build produced. Logs of unknown
 * addresses or unknown topics are skipped: the caller sees only events it can name.
 */
public final class EventDecoder {

    /** An event of the ABI: its parameter names in declaration order, and which of them are indexed. */
    private record Known(String contract, String name, Event event, List<String> parameters, List<String> indexed,
                         List<String> data) {
    }

    private final Map<String, Map<String, Known>> byAddress = new HashMap<>();

    /** Registers a deployed contract; its events will be decoded from logs emitted at {@code address}. */
    public EventDecoder register(String address, ContractArtifact artifact) {
        Map<String, Known> events = new HashMap<>();
        for (AbiDefinition definition : artifact.abi()) {
            if ("event".equals(definition.getType())) {
                Known known = known(artifact.name(), definition);
                events.put(EventEncoder.encode(known.event()), known);
            }
        }
        byAddress.put(address.toLowerCase(Locale.ROOT), events);
        return this;
    }

    public List<ChainEvent> decode(TransactionReceipt receipt) {
        List<ChainEvent> decoded = new ArrayList<>();
        for (Log log : receipt.getLogs()) {
            Map<String, Known> events = byAddress.get(log.getAddress().toLowerCase(Locale.ROOT));
            if (events == null || log.getTopics().isEmpty()) {
                continue;
            }
            Known known = events.get(log.getTopics().get(0));
            if (known != null) {
                decoded.add(decode(known, log));
            }
        }
        return decoded;
    }

    private static ChainEvent decode(Known known, Log log) {
        EventValues values = Contract.staticExtractEventParameters(known.event(), log);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < known.indexed().size(); i++) {
            byName.put(known.indexed().get(i), render(values.getIndexedValues().get(i)));
        }
        for (int i = 0; i < known.data().size(); i++) {
            byName.put(known.data().get(i), render(values.getNonIndexedValues().get(i)));
        }
        for (String parameter : known.parameters()) {
            fields.put(parameter, byName.get(parameter));
        }
        return new ChainEvent(known.contract(), known.name(), fields);
    }

    private static Known known(String contract, AbiDefinition definition) {
        List<TypeReference<?>> parameters = new ArrayList<>();
        List<String> indexed = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AbiDefinition.NamedType input : definition.getInputs()) {
            try {
                parameters.add(TypeReference.makeTypeReference(input.getType(), input.isIndexed(), false));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("unsupported ABI type " + input.getType() + " in "
                        + contract + "." + definition.getName(), e);
            }
            (input.isIndexed() ? indexed : data).add(input.getName());
            names.add(input.getName());
        }
        return new Known(contract, definition.getName(), new Event(definition.getName(), parameters),
                List.copyOf(names), List.copyOf(indexed), List.copyOf(data));
    }

    static String render(Type<?> value) {
        Object raw = value.getValue();
        if (raw instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        if (raw instanceof BigInteger number) {
            return number.toString();
        }
        return raw.toString().toLowerCase(Locale.ROOT);
    }
}
