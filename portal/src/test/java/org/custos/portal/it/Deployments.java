package org.custos.portal.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static String read(WebArchive archive) {
        try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
