package org.custos.portal.compliance.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges one evaluation of a clinic into its stored findings by stable key: new keys are added (OPEN, first seen
 * now), known keys refreshed (status kept), stored findings in the evaluated scope that the evaluation no longer
 * produces are marked not current. Running the same evaluation twice changes nothing but {@code lastSeen}.
 */
public final class FindingMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a merge did. */
    public record Result(int added, int refreshed, int noLongerCurrent) {
    }

    private FindingMerger() {
    }

    /**
     * @param scope which stored findings this evaluation speaks for (e.g. only the rules that ran): those it does
     *              not produce become not current; others are left alone
     */
    public static Result merge(FindingRepository repository, String clinicId, List<Finding> fresh,
                               Predicate<StoredFinding> scope, String mark, Instant now) {
        Map<String, StoredFinding> stored = new HashMap<>();
        for (StoredFinding s : repository.ofClinic(clinicId)) {
            stored.put(s.getKey(), s);
        }
        int added = 0;
        int refreshed = 0;
        Set<String> seen = new HashSet<>();
        for (Finding f : fresh) {
            if (!f.clinicId().equals(clinicId)) {
                throw new IllegalArgumentException("finding " + f.key() + " is not clinic " + clinicId + "'s");
            }
            seen.add(f.key());
            StoredFinding s = stored.get(f.key());
            if (s == null) {
                repository.add(new StoredFinding(f, json(f.objects()), json(f.evidence()), mark, now));
                added++;
            } else {
                s.refresh(f, json(f.objects()), json(f.evidence()), mark, now);
                refreshed++;
            }
        }
        int gone = 0;
        for (StoredFinding s : stored.values()) {
            if (!seen.contains(s.getKey()) && s.isCurrent() && scope.test(s)) {
                s.notCurrent(mark);
                gone++;
            }
        }
        return new Result(added, refreshed, gone);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
