package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The partial response sent to an ajax request of an ended session is one Faces can read. */
class SessionEndedResponseTest {

    @Test
    void itIsAWellFormedPartialResponseWithOneEvalThatCallsThePagesScript() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(SessionEndedResponse.BODY)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("partial-response");
        assertThat(doc.getElementsByTagName("changes").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("eval").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("eval").item(0).getParentNode().getNodeName()).isEqualTo("changes");
        assertThat(doc.getElementsByTagName("eval").item(0).getTextContent()).contains("CustosSession.ended()");
        assertThat(doc.getElementsByTagName("redirect").getLength()).isZero();
    }
}
