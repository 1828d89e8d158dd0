// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

import "./ClinicWritable.sol";

/// @title The data life-cycle of a clinic: record commitments, access-log checkpoints, consents and keys.
/// @notice Codes (scheme, purpose, legal basis, data category) are the consortium's code lists
///         (docs/consortium.md); the contract records them as given, the auditor judges them.
///         Event time is the block timestamp.
contract RecordRegistry is ClinicWritable {
    struct Checkpoint {
        uint64 treeSize;
        bytes32 rootHash;
    }

    /// commitment of each record, per clinic (provable with EIP-1186)
    mapping(bytes32 => mapping(bytes32 => bytes32)) public commitmentOf;
    /// the latest access-log checkpoint of each clinic
    mapping(bytes32 => Checkpoint) public latestCheckpoint;

    event RecordCommitted(bytes32 indexed clinicId, bytes32 indexed recordId, bytes32 commitment, uint8 scheme,
        bytes32 keyId, uint16 purposeId, uint16 basisCode, uint16 dataCategory);
    event RecordSuperseded(bytes32 indexed clinicId, bytes32 indexed oldRecordId, bytes32 indexed newRecordId);
    event AuditCheckpoint(bytes32 indexed clinicId, uint64 treeSize, bytes32 rootHash);
    event ConsentGranted(bytes32 indexed clinicId, bytes32 indexed consentId, bytes32 indexed subjectPseudonym,
        uint16 purposeId, bytes32 policyHash, uint64 expiry);
    event ConsentRevoked(bytes32 indexed clinicId, bytes32 indexed consentId, bytes32 indexed subjectPseudonym,
        uint16 purposeId);
    event KeyRegistered(bytes32 indexed clinicId, bytes32 indexed keyId, bytes32 indexed subjectPseudonym,
        bytes32 keyCommitment);
    event KeyDestroyed(bytes32 indexed clinicId, bytes32 indexed keyId, bytes32 kmsDeletionReceiptHash);

    constructor(ConsortiumRegistry consortiumRegistry) ClinicWritable(consortiumRegistry) {}

    function commitRecord(bytes32 clinicId, bytes32 recordId, bytes32 commitment, uint8 scheme, bytes32 keyId,
                          uint16 purposeId, uint16 basisCode, uint16 dataCategory) external onlyWriter(clinicId) {
        commitmentOf[clinicId][recordId] = commitment;
        emit RecordCommitted(clinicId, recordId, commitment, scheme, keyId, purposeId, basisCode, dataCategory);
    }

    /// @notice Rectification by a later transaction (EDPB 02/2025): the new record replaces the old one.
    function supersedeRecord(bytes32 clinicId, bytes32 oldRecordId, bytes32 newRecordId)
            external onlyWriter(clinicId) {
        emit RecordSuperseded(clinicId, oldRecordId, newRecordId);
    }

    /// @notice Checkpoint of the clinic's append-only access log: RFC 9162 tree size and root.
    function checkpoint(bytes32 clinicId, uint64 treeSize, bytes32 rootHash) external onlyWriter(clinicId) {
        latestCheckpoint[clinicId] = Checkpoint(treeSize, rootHash);
        emit AuditCheckpoint(clinicId, treeSize, rootHash);
    }

    function grantConsent(bytes32 clinicId, bytes32 consentId, bytes32 subjectPseudonym, uint16 purposeId,
                          bytes32 policyHash, uint64 expiry) external onlyWriter(clinicId) {
        emit ConsentGranted(clinicId, consentId, subjectPseudonym, purposeId, policyHash, expiry);
    }

    function revokeConsent(bytes32 clinicId, bytes32 consentId, bytes32 subjectPseudonym, uint16 purposeId)
            external onlyWriter(clinicId) {
        emit ConsentRevoked(clinicId, consentId, subjectPseudonym, purposeId);
    }

    function registerKey(bytes32 clinicId, bytes32 keyId, bytes32 subjectPseudonym, bytes32 keyCommitment)
            external onlyWriter(clinicId) {
        emit KeyRegistered(clinicId, keyId, subjectPseudonym, keyCommitment);
    }

    function destroyKey(bytes32 clinicId, bytes32 keyId, bytes32 kmsDeletionReceiptHash)
            external onlyWriter(clinicId) {
        emit KeyDestroyed(clinicId, keyId, kmsDeletionReceiptHash);
    }
}
