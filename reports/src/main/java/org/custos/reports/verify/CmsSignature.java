package org.custos.reports.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * The CMS checks of a PAdES signature (RFC 5652 §5.4, §5.6; ETSI EN 319 122-1 §5.2.2; RFC 3161 §2.4.2):
 * exactly one signer; message-digest attribute = digest of the signed bytes (compared here, so a failure carries
 * both values); the signature value under the signer's key; signing-certificate-v2 names that certificate; the
 * certificate chains to a trust anchor; and, when present, the signature-time-stamp token is valid, covers this
 * signature value, chains to a trust anchor and is not in the future.
 */
final class CmsSignature {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final TrustChains trust;

    CmsSignature(TrustChains trust) {
        this.trust = trust;
    }

    /**
     * What the CMS established: the signer's subject DN, the timestamp's time (null for B-B), and the validated
     * certificates of the signer's and the timestamp authority's paths (anchors included).
     */
    record Verified(String signer, Instant timestamp, List<X509Certificate> chains) {
    }

    Verified check(byte[] contents, SignedRange signedContent, Instant now) throws Rejection {
        CMSSignedData cms = parse(contents, signedContent);
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "SignerInfos", 1, signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        checkUnsignedStructure(cms, signer);
        checkDigest(signer, signedContent);
        X509Certificate certificate = signerCertificate(cms.getCertificates(), signer);
        exactSignerId(signer.getSID(), certificate, "SignerInfo.sid");
        checkSigningCertificateV2(signer, certificate);
        checkSignatureValue(signer, certificate);
        List<X509Certificate> chains = new java.util.ArrayList<>();
        Instant timestamp = timestamp(signer, now, chains);
        chains.addAll(0, trust.requireChain(certificate, cms.getCertificates(), timestamp != null ? timestamp : now,
                ReportReasonCode.CERTIFICATE_UNTRUSTED, "signer " + certificate.getSubjectX500Principal()));
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw new Rejection(ReportReasonCode.CERTIFICATE_KEY_USAGE, "signer key usage",
                    "digitalSignature or nonRepudiation", Arrays.toString(usage));
        }
        return new Verified(certificate.getSubjectX500Principal().getName(), timestamp, List.copyOf(chains));
    }

    private static CMSSignedData parse(byte[] contents, SignedRange signedContent) throws Rejection {
        requireCanonical(contents);
        try {
            // the InputStream constructor: building from a byte array hits bc-java issue 2360 with BC 1.85+
            return new CMSSignedData(signedContent.signedContent(), new ByteArrayInputStream(contents));
        } catch (CMSException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "/Contents", "CMS SignedData", e.getMessage());
        }
    }

    /** The gap must hold exactly the DER encoding of one ASN.1 object followed by zero bytes only. */
    private static void requireCanonical(byte[] contents) throws Rejection {
        byte[] der;
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new Rejection(ReportReasonCode.CMS_MALFORMED, "/Contents", "CMS SignedData", "nothing");
            }
            der = object.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "/Contents", "CMS SignedData", e.getMessage());
        }
        if (der.length > contents.length || !Arrays.equals(der, 0, der.length, contents, 0, der.length)) {
            throw new Rejection(ReportReasonCode.CONTENTS_NOT_CANONICAL, "/Contents", "the DER encoding of the CMS",
                    "another encoding (BER or altered lengths)");
        }
        for (int i = der.length; i < contents.length; i++) {
            if (contents[i] != 0) {
                throw new Rejection(ReportReasonCode.CONTENTS_NOT_CANONICAL, "/Contents padding after the CMS",
                        "zero bytes", "byte " + i + " = " + (contents[i] & 0xff));
            }
        }
    }

    /**
     * The parts of SignedData that no signature covers must be exactly what a PAdES baseline signer writes
     * (RFC 5652 §5.1, §5.3): content types id-signedData and id-data, version 1, the one digest algorithm of the signer, no CRLs or other revocation
     * data, a SignerInfo of version 1 (issuer and serial number).
     */
    private static void checkUnsignedStructure(CMSSignedData cms, SignerInformation signer) throws Rejection {
        if (cms.getVersion() != 1 || signer.getVersion() != 1) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, "SignedData / SignerInfo version", "1 / 1",
                    cms.getVersion() + " / " + signer.getVersion());
        }
        requireStrictStructure(cms, CMSObjectIdentifiers.data.getId(), "SignedData");
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned != null) {
            ASN1EncodableVector all = unsigned.toASN1EncodableVector();
            for (int i = 0; i < all.size(); i++) {
                Attribute attribute = Attribute.getInstance(all.get(i));
                if (!attribute.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                        || all.size() != 1 || attribute.getAttrValues().size() != 1) {
                    throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, "unsigned attributes",
                            "none, or one signature-time-stamp with one token", attribute.getAttrType() + " ("
                            + all.size() + " attributes, " + attribute.getAttrValues().size() + " values)");
                }
            }
        }
    }

    /**
     * ContentInfo and eContentType as expected; SignedData and SignerInfos encoded exactly as their fields;
     * every CertificateChoices entry must be a plain X.509 certificate (BouncyCastle's certificate store silently
     * skips other choices, which would leave altered bytes unchecked), and no revocation data may be carried.
     */
    private static void requireStrictStructure(CMSSignedData cms, String eContentType, String subject)
            throws Rejection {
        if (!cms.toASN1Structure().getContentType().equals(CMSObjectIdentifiers.signedData)
                || !cms.getSignedContentTypeOID().equals(eContentType)) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + " ContentInfo / eContentType",
                    CMSObjectIdentifiers.signedData + " / " + eContentType,
                    cms.toASN1Structure().getContentType() + " / " + cms.getSignedContentTypeOID());
        }
        SignedData data = SignedData.getInstance(cms.toASN1Structure().getContent());
        requireRoundTrip(data, subject);
        ASN1Encodable content = data.getEncapContentInfo().getContent();
        boolean detached = eContentType.equals(CMSObjectIdentifiers.data.getId());
        if (detached ? content != null : !(content instanceof ASN1OctetString)) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + " eContent",
                    detached ? "absent (detached)" : "an OCTET STRING",
                    content == null ? "absent" : content.getClass().getSimpleName());
        }
        List<String> signerDigests = cms.getSignerInfos().getSigners().stream().map(SignerInformation::getDigestAlgOID)
                .toList();
        ASN1Set digests = data.getDigestAlgorithms();
        List<String> listed = new java.util.ArrayList<>();
        for (int i = 0; i < digests.size(); i++) {
            if (!(digests.getObjectAt(i) instanceof ASN1Sequence)) {
                throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + ".digestAlgorithms",
                        "AlgorithmIdentifiers", digests.getObjectAt(i).getClass().getSimpleName());
            }
            listed.add(AlgorithmIdentifier.getInstance(digests.getObjectAt(i)).getAlgorithm().getId());
        }
        if (!listed.equals(signerDigests)) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + ".digestAlgorithms",
                    signerDigests, listed);
        }
        if (data.getCRLs() != null) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + ".crls", "absent", "present");
        }
        ASN1Set certificates = data.getCertificates();
        for (int i = 0; certificates != null && i < certificates.size(); i++) {
            if (!(certificates.getObjectAt(i) instanceof ASN1Sequence)) {
                throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + ".certificates[" + i + "]",
                        "an X.509 certificate", certificates.getObjectAt(i).getClass().getSimpleName());
            }
            org.bouncycastle.asn1.x509.Certificate.getInstance(certificates.getObjectAt(i));
        }
    }

    private static void checkDigest(SignerInformation signer, SignedRange signedContent) throws Rejection {
        String algorithm = DIGESTS.get(new ASN1ObjectIdentifier(signer.getDigestAlgOID()));
        if (algorithm == null) {
            throw new Rejection(ReportReasonCode.DIGEST_ALGORITHM_UNSUPPORTED, "digest algorithm",
                    DIGESTS.values(), signer.getDigestAlgOID());
        }
        Attribute attribute = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(CMSAttributes.messageDigest);
        if (attribute == null) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "message-digest attribute", "present", "absent");
        }
        byte[] claimed = ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
        byte[] computed;
        try {
            computed = signedContent.digest(MessageDigest.getInstance(algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(claimed, computed)) {
            throw new Rejection(ReportReasonCode.DIGEST_MISMATCH, algorithm + " of the signed byte ranges",
                    HexFormat.of().formatHex(claimed), HexFormat.of().formatHex(computed));
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(Store<X509CertificateHolder> store, SignerInformation signer)
            throws Rejection {
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw new Rejection(ReportReasonCode.SIGNING_CERTIFICATE_MISSING, "signer certificate in the CMS",
                    1, matches.size());
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, "signer certificate", "X.509", e.getMessage());
        }
    }

    /**
     * BouncyCastle reads some fields leniently (e.g. any context tag where SignerInfo's signedAttrs must be [0]),
     * and signed attributes are hashed re-tagged as a SET: SignedData and each SignerInfo, rebuilt from their
     * parsed fields, must encode to exactly the bytes given.
     */
    private static void requireRoundTrip(SignedData data, String subject) throws Rejection {
        try {
            ASN1Set infos = data.getSignerInfos();
            for (int i = 0; i < infos.size(); i++) {
                SignerInfo info = SignerInfo.getInstance(infos.getObjectAt(i));
                SignerInfo rebuilt = new SignerInfo(info.getSID(), info.getDigestAlgorithm(),
                        info.getAuthenticatedAttributes(), info.getDigestEncryptionAlgorithm(),
                        info.getEncryptedDigest(), info.getUnauthenticatedAttributes());
                if (!Arrays.equals(rebuilt.getEncoded(ASN1Encoding.DER),
                        infos.getObjectAt(i).toASN1Primitive().getEncoded(ASN1Encoding.DER))) {
                    throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject + " SignerInfo",
                            "the encoding of its fields", "another encoding (tags or version)");
                }
            }
            SignedData rebuilt = new SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(),
                    data.getCertificates(), data.getCRLs(), data.getSignerInfos());
            if (!Arrays.equals(rebuilt.getEncoded(ASN1Encoding.DER), data.getEncoded(ASN1Encoding.DER))) {
                throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject, "the encoding of its fields",
                        "another encoding (tags or version)");
            }
        } catch (IOException e) {
            throw new Rejection(ReportReasonCode.CMS_MALFORMED, subject, "encodable", e.getMessage());
        }
    }

    /**
     * The SignerIdentifier is not signed, and certificate lookup compares names leniently (case, spacing, string
     * types): its issuer must be byte for byte the certificate's, so no altered encoding passes unnoticed.
     */
    private static void exactSignerId(SignerId id, X509Certificate certificate, String subject) throws Rejection {
        byte[] issuer;
        try {
            issuer = id.getIssuer() == null ? new byte[0] : id.getIssuer().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            issuer = new byte[0];
        }
        if (!Arrays.equals(issuer, certificate.getIssuerX500Principal().getEncoded())
                || !certificate.getSerialNumber().equals(id.getSerialNumber())) {
            throw new Rejection(ReportReasonCode.CMS_UNEXPECTED_CONTENT, subject,
                    "the certificate's issuer and serial number, encoded as in the certificate",
                    id.getIssuer() + " / " + id.getSerialNumber());
        }
    }

    private static void checkSigningCertificateV2(SignerInformation signer, X509Certificate certificate)
            throws Rejection {
        Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            throw new Rejection(ReportReasonCode.SIGNING_CERTIFICATE_MISSING, "signing-certificate-v2 attribute",
                    "present", "absent");
        }
        ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
        String algorithm = DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
        try {
            byte[] actual = algorithm == null ? new byte[0]
                    : MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            if (!MessageDigest.isEqual(id.getCertHash(), actual)) {
                throw new Rejection(ReportReasonCode.SIGNING_CERTIFICATE_MISMATCH, "ESSCertIDv2 certHash",
                        HexFormat.of().formatHex(id.getCertHash()), HexFormat.of().formatHex(actual));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkSignatureValue(SignerInformation signer, X509Certificate certificate)
            throws Rejection {
        boolean valid;
        String detail = "does not verify";
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException e) {
            valid = false;
            detail = e.getMessage();
        }
        if (!valid) {
            throw new Rejection(ReportReasonCode.SIGNATURE_INVALID, "signature value",
                    "valid under " + certificate.getSubjectX500Principal(), detail);
        }
    }

    private Instant timestamp(SignerInformation signer, Instant now, List<X509Certificate> chains)
            throws Rejection {
        Attribute attribute = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_INVALID, "signature-time-stamp", "a TimeStampToken",
                    e.getMessage());
        }
        String algorithm = DIGESTS.get(token.getTimeStampInfo().getMessageImprintAlgOID());
        byte[] expected;
        try {
            expected = algorithm == null ? new byte[0] : MessageDigest.getInstance(algorithm)
                    .digest(signer.getSignature());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
        if (!MessageDigest.isEqual(expected, imprint)) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_IMPRINT_MISMATCH, "timestamp message imprint",
                    HexFormat.of().formatHex(expected), HexFormat.of().formatHex(imprint));
        }
        requireStrictStructure(token.toCMSSignedData(), PKCSObjectIdentifiers.id_ct_TSTInfo.getId(),
                "timestamp token");
        X509Certificate tsa = tsaCertificate(token);
        exactSignerId(token.getSID(), tsa, "timestamp SignerInfo.sid");
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_INVALID, "timestamp signature",
                    "valid under " + tsa.getSubjectX500Principal(), e.getMessage());
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        if (time.isAfter(now)) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_IN_FUTURE, "timestamp time", "not after " + now, time);
        }
        chains.addAll(trust.requireChain(tsa, token.getCertificates(), time, ReportReasonCode.TIMESTAMP_UNTRUSTED,
                "timestamp authority " + tsa.getSubjectX500Principal()));
        return time;
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate tsaCertificate(TimeStampToken token) throws Rejection {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.size() != 1) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_INVALID, "TSA certificate in the token", 1,
                    matches.size());
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new Rejection(ReportReasonCode.TIMESTAMP_INVALID, "TSA certificate", "X.509", e.getMessage());
        }
    }
}
