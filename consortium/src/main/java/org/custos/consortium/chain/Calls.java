package org.custos.consortium.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The contracts' functions as Web3j {@link Function}s, one factory per Solidity function (same name, same
 * parameter order; see docs/consortium.md). 32-byte ids are {@code byte[32]}; enums are their ordinals.
 */
public final class Calls {

    /** ConsortiumRegistry.Jurisdiction. */
    public enum Jurisdiction { EU, UK, US }

    /** AccountabilityRegistry enums, in Solidity declaration order. */
    public enum RequestType { ACCESS, ERASURE, RECTIFICATION, ACCOUNTING }

    public enum Regime { GDPR, UK_GDPR, HIPAA }

    public enum Outcome { FULFILLED, PARTIAL, REFUSED }

    public enum Risk { UNLIKELY, RISK, HIGH }

    public enum Audience { AUTHORITY, HHS, SUBJECTS, MEDIA }

    private Calls() {
    }

    // ConsortiumRegistry

    public static Function admit(byte[] clinicId, Jurisdiction jurisdiction, boolean hipaaCoveredEntity,
                                 String writer, String kmsAttestationKey, String logSigner) {
        return tx("admit", b32(clinicId), u8(jurisdiction.ordinal()), new Bool(hipaaCoveredEntity),
                new Address(writer), new Address(kmsAttestationKey), new Address(logSigner));
    }

    public static Function update(byte[] clinicId, Jurisdiction jurisdiction, boolean hipaaCoveredEntity,
                                  String writer, String kmsAttestationKey, String logSigner) {
        return tx("update", b32(clinicId), u8(jurisdiction.ordinal()), new Bool(hipaaCoveredEntity),
                new Address(writer), new Address(kmsAttestationKey), new Address(logSigner));
    }

    public static Function suspend(byte[] clinicId) {
        return tx("suspend", b32(clinicId));
    }

    public static Function isActiveWriter(byte[] clinicId, String account) {
        return new Function("isActiveWriter", List.of(b32(clinicId), new Address(account)),
                List.of(new TypeReference<Bool>() { }));
    }

    // RecordRegistry

    public static Function commitRecord(byte[] clinicId, byte[] recordId, byte[] commitment, int scheme,
                                        byte[] keyId, int purposeId, int basisCode, int dataCategory) {
        return tx("commitRecord", b32(clinicId), b32(recordId), b32(commitment), u8(scheme), b32(keyId),
                u16(purposeId), u16(basisCode), u16(dataCategory));
    }

    public static Function supersedeRecord(byte[] clinicId, byte[] oldRecordId, byte[] newRecordId) {
        return tx("supersedeRecord", b32(clinicId), b32(oldRecordId), b32(newRecordId));
    }

    public static Function checkpoint(byte[] clinicId, long treeSize, byte[] rootHash) {
        return tx("checkpoint", b32(clinicId), u64(treeSize), b32(rootHash));
    }

    public static Function grantConsent(byte[] clinicId, byte[] consentId, byte[] subjectPseudonym, int purposeId,
                                        byte[] policyHash, long expiry) {
        return tx("grantConsent", b32(clinicId), b32(consentId), b32(subjectPseudonym), u16(purposeId),
                b32(policyHash), u64(expiry));
    }

    public static Function revokeConsent(byte[] clinicId, byte[] consentId, byte[] subjectPseudonym,
                                         int purposeId) {
        return tx("revokeConsent", b32(clinicId), b32(consentId), b32(subjectPseudonym), u16(purposeId));
    }

    public static Function registerKey(byte[] clinicId, byte[] keyId, byte[] subjectPseudonym,
                                       byte[] keyCommitment) {
        return tx("registerKey", b32(clinicId), b32(keyId), b32(subjectPseudonym), b32(keyCommitment));
    }

    public static Function destroyKey(byte[] clinicId, byte[] keyId, byte[] kmsDeletionReceiptHash) {
        return tx("destroyKey", b32(clinicId), b32(keyId), b32(kmsDeletionReceiptHash));
    }

    // AccountabilityRegistry

    public static Function receiveRequest(byte[] clinicId, byte[] requestId, byte[] subjectPseudonym,
                                          RequestType type, Regime regime) {
        return tx("receiveRequest", b32(clinicId), b32(requestId), b32(subjectPseudonym), u8(type.ordinal()),
                u8(regime.ordinal()));
    }

    public static Function extendRequest(byte[] clinicId, byte[] requestId, byte[] reasonsHash) {
        return tx("extendRequest", b32(clinicId), b32(requestId), b32(reasonsHash));
    }

    public static Function answerRequest(byte[] clinicId, byte[] requestId, Outcome outcome, int legalGround,
                                         byte[] replyHash) {
        return tx("answerRequest", b32(clinicId), b32(requestId), u8(outcome.ordinal()), u16(legalGround),
                b32(replyHash));
    }

    public static Function recordDisclosure(byte[] clinicId, byte[] disclosureId, byte[] subjectPseudonym,
                                            byte[] recipientId, int purposeId, int dataCategory) {
        return tx("recordDisclosure", b32(clinicId), b32(disclosureId), b32(subjectPseudonym), b32(recipientId),
                u16(purposeId), u16(dataCategory));
    }

    public static Function detectBreach(byte[] clinicId, byte[] breachId, long awareAt, long affectedCount,
                                        Risk risk) {
        return tx("detectBreach", b32(clinicId), b32(breachId), u64(awareAt),
                new Uint32(BigInteger.valueOf(affectedCount)), u8(risk.ordinal()));
    }

    public static Function notifyBreach(byte[] clinicId, byte[] breachId, Audience audience, byte[] noticeHash) {
        return tx("notifyBreach", b32(clinicId), b32(breachId), u8(audience.ordinal()), b32(noticeHash));
    }

    public static Function anchorDocument(byte[] clinicId, int docType, byte[] docHash, long version) {
        return tx("anchorDocument", b32(clinicId), u16(docType), b32(docHash),
                new Uint32(BigInteger.valueOf(version)));
    }

    private static Function tx(String name, Type<?>... inputs) {
        return new Function(name, Arrays.<Type>asList(inputs), List.of());
    }

    private static Bytes32 b32(byte[] value) {
        return new Bytes32(value);
    }

    private static Uint8 u8(int value) {
        return new Uint8(BigInteger.valueOf(value));
    }

    private static Uint16 u16(int value) {
        return new Uint16(BigInteger.valueOf(value));
    }

    private static Uint64 u64(long value) {
        return new Uint64(BigInteger.valueOf(value));
    }
}
