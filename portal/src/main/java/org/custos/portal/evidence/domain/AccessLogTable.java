package org.custos.portal.evidence.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules need of each access-log entry, in compact columns (a few dozen bytes per entry; repeated strings
 * such as subjects, records, consents, roles and staff are kept once in a dictionary). Index = the entry index.
 */
public final class AccessLogTable {

    /** A read view of one entry. */
    public record Entry(int index, long recorded, String role, String staff, String subject, String recordId,
                        String consentId, int purpose, int category, boolean breakGlass) {

        public String path() {
            return EvidenceBundle.entryPath(index);
        }
    }

    private final Dictionary strings = new Dictionary();
    private long[] recorded = new long[1024];
    private int[] role = new int[1024];
    private int[] staff = new int[1024];
    private int[] subject = new int[1024];
    private int[] record = new int[1024];
    private int[] consent = new int[1024];
    private byte[] purpose = new byte[1024];
    private byte[] category = new byte[1024];
    private byte[] breakGlass = new byte[1024];
    private int capacityUsed;
    private int count;

    public synchronized void put(int index, long recordedAt, String roleCode, String staffId, String subjectId, String recordId,
                    String consentId, int purposeId, int dataCategory, boolean glass) {
        ensure(index + 1);
        recorded[index] = recordedAt;
        role[index] = strings.id(roleCode);
        staff[index] = strings.id(staffId);
        subject[index] = strings.id(subjectId);
        record[index] = strings.id(recordId);
        consent[index] = consentId == null ? -1 : strings.id(consentId);
        purpose[index] = (byte) purposeId;
        category[index] = (byte) dataCategory;
        breakGlass[index] = (byte) (glass ? 1 : 0);
        capacityUsed = Math.max(capacityUsed, index + 1);
        count++;
    }

    private void ensure(int n) {
        if (n > recorded.length) {
            int c = Math.max(n, recorded.length * 2);
            recorded = Arrays.copyOf(recorded, c);
            role = Arrays.copyOf(role, c);
            staff = Arrays.copyOf(staff, c);
            subject = Arrays.copyOf(subject, c);
            record = Arrays.copyOf(record, c);
            consent = Arrays.copyOf(consent, c);
            purpose = Arrays.copyOf(purpose, c);
            category = Arrays.copyOf(category, c);
            breakGlass = Arrays.copyOf(breakGlass, c);
        }
    }

    /** Entries stored. */
    public int count() {
        return count;
    }

    /** One more than the highest index. */
    public int size() {
        return capacityUsed;
    }

    public Entry get(int i) {
        return new Entry(i, recorded[i], strings.value(role[i]), strings.value(staff[i]),
                strings.value(subject[i]), strings.value(record[i]), consent[i] < 0 ? null : strings.value(consent[i]),
                purpose[i], category[i], breakGlass[i] == 1);
    }

    public long recorded(int i) {
        return recorded[i];
    }

    public String recordId(int i) {
        return strings.value(record[i]);
    }

    public String subject(int i) {
        return strings.value(subject[i]);
    }

    public String role(int i) {
        return strings.value(role[i]);
    }

    public String consentId(int i) {
        return consent[i] < 0 ? null : strings.value(consent[i]);
    }

    public int purpose(int i) {
        return purpose[i];
    }

    public int category(int i) {
        return category[i];
    }

    public boolean breakGlass(int i) {
        return breakGlass[i] == 1;
    }

    /** Interned strings. */
    private static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(String s) {
            Integer id = ids.get(s);
            if (id == null) {
                id = values.size();
                ids.put(s, id);
                values.add(s);
            }
            return id;
        }

        String value(int id) {
            return values.get(id);
        }
    }
}
