package org.custos.portal.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR that {@code package} built, as Arquillian deploys it. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The built WAR, unchanged but for one thing: Arquillian's test-runner servlet is added to the public
     * patterns of web.xml, since the portal's "/*" constraint would otherwise send the runner to Keycloak.
     */
    public static WebArchive portalWar(Class<?>... testClasses) {
        File war = new File(System.getProperty("custos.war", "target/custos.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run `package` first: " + war + " missing");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "custos.war").importFrom(war).as(WebArchive.class);
        String webXml = read(archive);
        String publicPattern = "<url-pattern>/error/*</url-pattern>";
        if (!webXml.contains(publicPattern)) {
            throw new IllegalStateException("web.xml changed: public pattern " + publicPattern + " not found");
        }
        webXml = webXml.replace(publicPattern, publicPattern
                + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
                + "<url-pattern>/ArquillianServletRunner</url-pattern>");
        archive.delete("WEB-INF/web.xml");
        archive.setWebXML(new StringAsset(webXml));
        archive.addClasses(testClasses);
        return archive;
    }

    /**
     * The demo's ledger settings (scripts/lib/portal.sh) for a portal that syncs the demo fixture from
     * {@code ledgerUrl}, with clinic-north and clinic-south mapped to the fixture's first two clinics; a test adds
     * its own settings before {@link #portalWar(Properties, String)}.
     */
    public static Properties demoConfig(DemoFixture chain, String ledgerUrl) {
        Properties config = new Properties();
        config.putAll(chain.config(ledgerUrl));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        return config;
    }

    /** {@link #portalWar(Class[])} configured by {@code config} (its microprofile-config.properties). */
    public static WebArchive portalWar(Properties config, String comment) {
        StringWriter text = new StringWriter();
        try {
            config.store(text, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return portalWar().addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    private static String read(WebArchive archive) {
        try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
