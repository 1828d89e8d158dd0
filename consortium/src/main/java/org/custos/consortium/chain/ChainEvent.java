package org.custos.consortium.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One decoded event: the contract that emitted it, the event name and its parameters in declaration order,
 * rendered as text (bytes and addresses as lower-case 0x-hex, integers and enums in decimal, booleans as
 * true/false) so that events compare by value.
 */
public record ChainEvent(String contract, String name, Map<String, String> fields) {

    public ChainEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field(String parameter) {
        String value = fields.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException(name + " has no parameter " + parameter + ": " + fields.keySet());
        }
        return value;
    }
}
