package org.custos.portal.reports.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.custos.reports.model.Evidence;

/**
 * Reads the evidence a report carries, independently of Custos's verifier (so that it can be re-verified even when
 * the signature is not checked): the one associated file of the catalogue ({@code /AF}) with
 * {@code /AFRelationship /Data} named {@code evidence.json}, as docs/reports.md describes it.
 */
final class EmbeddedEvidenceFile {

    private EmbeddedEvidenceFile() {
    }

    /** The evidence bytes; empty when the file is not a readable PDF or has not exactly one evidence file. */
    static Optional<byte[]> read(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<byte[]> found = new ArrayList<>();
            if (document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"))
                    instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.getObject(i) instanceof COSDictionary dictionary
                            && "Data".equals(dictionary.getNameAsString(COSName.getPDFName("AFRelationship")))) {
                        PDComplexFileSpecification spec = new PDComplexFileSpecification(dictionary);
                        PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
                        if (Evidence.FILE_NAME.equals(spec.getFileUnicode()) && file != null) {
                            found.add(file.toByteArray());
                        }
                    }
                }
            }
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
