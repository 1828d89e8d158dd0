package org.custos.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1 §6.3, EN 319 122-1 §5.2):
 * SHA-256, signed attributes content-type, message-digest, CMS algorithm protection and signing-certificate-v2
 * (ESSCertIDv2 over the signer certificate), and <em>no</em> signing-time (BouncyCastle adds one by default; PAdES
 * takes the time from the PDF's {@code /M} instead). For B-T the signature-time-stamp token is added as an
 * unsigned attribute.
 */
final class CmsSignatureBuilder {

    private final SigningCredentials credentials;
    private final TimestampClient timestamps;
    private byte[] token;

    CmsSignatureBuilder(SigningCredentials credentials, TimestampClient timestamps) {
        this.credentials = credentials;
        this.timestamps = timestamps;
    }

    /** Signs {@code content} as it streams past (read once, never held: a signed report may be 100+ MB). */
    byte[] build(InputStream content) throws CMSException, OperatorCreationException, GeneralSecurityException,
            IOException {
        X509Certificate certificate = credentials.certificate();
        String algorithm = "SHA256with" + (credentials.key().getAlgorithm().equals("EC") ? "ECDSA" : "RSA");
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(credentials.key());
        JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build());
        info.setSignedAttributeGenerator(withoutSigningTime(signingCertificateV2(certificate)));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(info.build(signer, certificate));
        generator.addCertificates(new JcaCertStore(credentials.chain()));
        CMSSignedData signed = generator.generate(new Streamed(content), false);
        if (timestamps != null) {
            signed = withTimestamp(signed);
        }
        return signed.getEncoded("DER");
    }

    /** The timestamp token of the last signature built, or null (B-B). */
    byte[] timestampToken() {
        return token;
    }

    /** Detached content read once from a stream while the generator digests it. */
    private record Streamed(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        /** Non-null: BouncyCastle writes (and digests) no content whose getContent() is null. */
        @Override
        public Object getContent() {
            return in;
        }
    }

    private CMSSignedData withTimestamp(CMSSignedData signed) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        token = timestamps.timestamp(PadesSigner.sha256(signer.getSignature()));
        Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token)));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer,
                new AttributeTable(attribute));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                PadesSigner.sha256(certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    private static CMSAttributeTableGenerator withoutSigningTime(Attribute signingCertificate) {
        DefaultSignedAttributeTableGenerator defaults =
                new DefaultSignedAttributeTableGenerator(new AttributeTable(signingCertificate));
        return (Map parameters) -> {
            @SuppressWarnings("unchecked")
            AttributeTable table = defaults.getAttributes(new Hashtable<>(parameters));
            return table.remove(CMSAttributes.signingTime);
        };
    }
}
