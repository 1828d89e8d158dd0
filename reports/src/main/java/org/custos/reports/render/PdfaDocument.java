package org.custos.reports.render;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.custos.reports.model.Evidence;

/**
 * Writes one PDF/A-3b file (ISO 19005-3, level B): the page content drawn by a callback, document information and
 * matching XMP metadata (with the {@code pdfaid} declaration), an sRGB output intent (the JDK's built-in sRGB
 * profile), and the evidence as an embedded associated file with {@code /AFRelationship /Data} listed in the
 * catalogue's {@code /AF} array. The document id is derived from the report id and the evidence hash, so the same
 * input and the same clock give the same bytes.
 */
final class PdfaDocument {

    static final String PRODUCER = "Custos reports (Apache PDFBox 3.0.8)";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfaDocument() {
    }

    /** Evidence above this size, or kept in a file, is buffered in scratch files instead of the heap. */
    static final long IN_MEMORY_LIMIT = 8L << 20;

    static byte[] write(String reportId, String title, String author, Instant created, Evidence evidence,
                        Consumer<ReportCanvas> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        write(reportId, title, author, created, evidence, body, out);
        return out.toByteArray();
    }

    /**
     * Writes the document to {@code out} (not closed). Large or file-backed evidence is copied through PDFBox's
     * temp-file stream cache, so the heap holds the page content and fonts, never the evidence.
     */
    static void write(String reportId, String title, String author, Instant created, Evidence evidence,
                      Consumer<ReportCanvas> body, OutputStream out) {
        boolean scratch = evidence.fileBacked() || evidence.size() > IN_MEMORY_LIMIT;
        try (PDDocument document = scratch ? new PDDocument(IOUtils.createTempFileOnlyStreamCache())
                : new PDDocument()) {
            Fonts fonts = Fonts.load(document);
            ReportCanvas canvas = new ReportCanvas(document, fonts);
            body.accept(canvas);
            canvas.finish("Custos report " + reportId + "  ·  evidence SHA-256 " + evidence.sha256Hex().substring(0, 16)
                    + "…");
            Calendar date = calendar(created);
            information(document, title, author, date);
            metadata(document, title, author, date);
            outputIntent(document);
            attach(document, evidence, date);
            document.getDocumentCatalog().setLanguage("en");
            documentId(document, reportId, evidence);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(instant.toEpochMilli() / 1000 * 1000);
        return calendar;
    }

    private static void information(PDDocument document, String title, String author, Calendar date) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Custos");
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);
    }

    private static void metadata(PDDocument document, String title, String author, Calendar date) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Custos");
        basic.setCreateDate(date);
        basic.setModifyDate(date);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(3);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot serialise XMP", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(bytes.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
    }

    private static void outputIntent(PDDocument document) throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static void attach(PDDocument document, Evidence evidence, Calendar date) throws IOException {
        PDEmbeddedFile file;
        try (InputStream json = evidence.openStream()) {
            file = new PDEmbeddedFile(document, json);
        }
        file.setSubtype(Evidence.MEDIA_TYPE);
        file.setSize((int) Math.min(evidence.size(), Integer.MAX_VALUE));
        file.setCreationDate(date);
        file.setModDate(date);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(Evidence.FILE_NAME);
        spec.setFileUnicode(Evidence.FILE_NAME);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("custos-evidence/1 transcript behind this report; SHA-256 " + evidence.sha256Hex());
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(Evidence.FILE_NAME, spec));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static void documentId(PDDocument document, String reportId, Evidence evidence) {
        byte[] digest = Evidence.sha256Hex((reportId + "\n" + evidence.sha256Hex()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32).getBytes(StandardCharsets.US_ASCII);
        byte[] id = java.util.HexFormat.of().parseHex(new String(digest, StandardCharsets.US_ASCII));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
