// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

import "./ClinicWritable.sol";

/// @title A clinic's accountability trail: data-subject requests, disclosures, breaches and anchored documents.
/// @notice Off-chain times (breach awareness) are anchored as seconds since the epoch; every other event time is
///         the block timestamp. Letters, notices and documents appear only as hashes.
contract AccountabilityRegistry is ClinicWritable {
    enum RequestType { ACCESS, ERASURE, RECTIFICATION, ACCOUNTING }
    enum Regime { GDPR, UK_GDPR, HIPAA }
    enum Outcome { FULFILLED, PARTIAL, REFUSED }
    enum Risk { UNLIKELY, RISK, HIGH }
    enum Audience { AUTHORITY, HHS, SUBJECTS, MEDIA }

    event RequestReceived(bytes32 indexed clinicId, bytes32 indexed requestId, bytes32 indexed subjectPseudonym,
        RequestType requestType, Regime regime);
    event RequestExtended(bytes32 indexed clinicId, bytes32 indexed requestId, bytes32 reasonsHash);
    event RequestAnswered(bytes32 indexed clinicId, bytes32 indexed requestId, Outcome outcome, uint16 legalGround,
        bytes32 replyHash);
    event DisclosureRecorded(bytes32 indexed clinicId, bytes32 indexed disclosureId,
        bytes32 indexed subjectPseudonym, bytes32 recipientId, uint16 purposeId, uint16 dataCategory);
    event BreachDetected(bytes32 indexed clinicId, bytes32 indexed breachId, uint64 awareAt, uint32 affectedCount,
        Risk risk);
    event BreachNotified(bytes32 indexed clinicId, bytes32 indexed breachId, Audience audience, bytes32 noticeHash);
    event DocumentAnchored(bytes32 indexed clinicId, uint16 indexed docType, bytes32 docHash, uint32 version);

    constructor(ConsortiumRegistry consortiumRegistry) ClinicWritable(consortiumRegistry) {}

    function receiveRequest(bytes32 clinicId, bytes32 requestId, bytes32 subjectPseudonym, RequestType requestType,
                            Regime regime) external onlyWriter(clinicId) {
        emit RequestReceived(clinicId, requestId, subjectPseudonym, requestType, regime);
    }

    function extendRequest(bytes32 clinicId, bytes32 requestId, bytes32 reasonsHash) external onlyWriter(clinicId) {
        emit RequestExtended(clinicId, requestId, reasonsHash);
    }

    function answerRequest(bytes32 clinicId, bytes32 requestId, Outcome outcome, uint16 legalGround,
                           bytes32 replyHash) external onlyWriter(clinicId) {
        emit RequestAnswered(clinicId, requestId, outcome, legalGround, replyHash);
    }

    function recordDisclosure(bytes32 clinicId, bytes32 disclosureId, bytes32 subjectPseudonym, bytes32 recipientId,
                              uint16 purposeId, uint16 dataCategory) external onlyWriter(clinicId) {
        emit DisclosureRecorded(clinicId, disclosureId, subjectPseudonym, recipientId, purposeId, dataCategory);
    }

    function detectBreach(bytes32 clinicId, bytes32 breachId, uint64 awareAt, uint32 affectedCount, Risk risk)
            external onlyWriter(clinicId) {
        emit BreachDetected(clinicId, breachId, awareAt, affectedCount, risk);
    }

    function notifyBreach(bytes32 clinicId, bytes32 breachId, Audience audience, bytes32 noticeHash)
            external onlyWriter(clinicId) {
        emit BreachNotified(clinicId, breachId, audience, noticeHash);
    }

    function anchorDocument(bytes32 clinicId, uint16 docType, bytes32 docHash, uint32 version)
            external onlyWriter(clinicId) {
        emit DocumentAnchored(clinicId, docType, docHash, version);
    }
}
