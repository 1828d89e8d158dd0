package org.custos.portal.ledger.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One code list of the consortium's events ({@link EventVocabulary}): the name of each code. A Solidity enum's
 * codes are its members' positions; the documented code lists start at 1.
 *
 * @param source where the list is defined (a contract's enum, or the field of docs/consortium.md's code lists)
 * @param names  code to name
 */
public record CodeList(String source, Map<Integer, String> names) {

    public CodeList {
        names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    /** A Solidity enum: code i is the i-th member. */
    static CodeList ofEnum(String source, String... members) {
        Map<Integer, String> names = new TreeMap<>();
        for (int i = 0; i < members.length; i++) {
            names.put(i, members[i]);
        }
        return new CodeList(source, names);
    }

    static CodeList of(String source, Map<Integer, String> names) {
        return new CodeList(source, names);
    }

    /** The name of {@code code}, or {@code unknown code N}. */
    public String nameOf(int code) {
        String name = names.get(code);
        return name != null ? name : "unknown code " + code;
    }

    /** The name of a code as decoded (decimal text); {@code unknown code X} for anything not in the list. */
    public String nameOf(String raw) {
        Integer code = raw == null ? null : EventVocabulary.parse(raw);
        return code != null && names.containsKey(code) ? names.get(code) : EventVocabulary.unknown(raw);
    }

    /** The code of a member name, if the list has it. */
    public Optional<Integer> codeOf(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** The names in code order (a Solidity enum's members in declaration order). */
    public List<String> members() {
        return new ArrayList<>(names.values());
    }
}
