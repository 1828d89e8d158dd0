package org.custos.portal.ledger.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.custos.portal.ledger.domain.EventVocabulary;

/** The event vocabulary in EL ({@code #{eventWords.summary(e.fieldsJson)}}): fields in words, raw values kept. */
@Named("eventWords")
@ApplicationScoped
public class EventWords {

    /** One line: {@code jurisdiction: US (2), hipaaCoveredEntity: true, …}. */
    public String summary(String fieldsJson) {
        return EventVocabulary.summary(fieldsJson);
    }

    /** Each field with its words and raw value, for a table. */
    public List<EventVocabulary.Field> fields(String fieldsJson) {
        return EventVocabulary.describe(fieldsJson);
    }
}
