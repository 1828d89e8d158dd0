// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title The consortium's member list: which clinics may write, and with which keys.
/// @notice Only the consortium admin (the deployer) admits, updates and suspends clinics. No personal data:
///         a clinic id is an opaque bytes32 chosen by the consortium.
contract ConsortiumRegistry {
    enum Jurisdiction { EU, UK, US }

    struct Clinic {
        bool admitted;
        bool suspended;
        Jurisdiction jurisdiction;
        bool hipaaCoveredEntity;
        address writer;
        address kmsAttestationKey;
        address logSigner;
    }

    address public immutable admin;
    mapping(bytes32 => Clinic) private clinics;

    event ClinicAdmitted(bytes32 indexed clinicId, Jurisdiction jurisdiction, bool hipaaCoveredEntity,
        address writer, address kmsAttestationKey, address logSigner);
    event ClinicUpdated(bytes32 indexed clinicId, Jurisdiction jurisdiction, bool hipaaCoveredEntity,
        address writer, address kmsAttestationKey, address logSigner);
    event ClinicSuspended(bytes32 indexed clinicId);

    error NotAdmin(address caller);
    error AlreadyAdmitted(bytes32 clinicId);
    error UnknownClinic(bytes32 clinicId);
    error ZeroAddress();

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    constructor() {
        admin = msg.sender;
    }

    function admit(bytes32 clinicId, Jurisdiction jurisdiction, bool hipaaCoveredEntity, address writer,
                   address kmsAttestationKey, address logSigner) external onlyAdmin {
        if (clinics[clinicId].admitted) revert AlreadyAdmitted(clinicId);
        _store(clinicId, jurisdiction, hipaaCoveredEntity, writer, kmsAttestationKey, logSigner);
        emit ClinicAdmitted(clinicId, jurisdiction, hipaaCoveredEntity, writer, kmsAttestationKey, logSigner);
    }

    /// @notice Replaces a clinic's profile and keys; keeps its suspension state.
    function update(bytes32 clinicId, Jurisdiction jurisdiction, bool hipaaCoveredEntity, address writer,
                    address kmsAttestationKey, address logSigner) external onlyAdmin {
        if (!clinics[clinicId].admitted) revert UnknownClinic(clinicId);
        _store(clinicId, jurisdiction, hipaaCoveredEntity, writer, kmsAttestationKey, logSigner);
        emit ClinicUpdated(clinicId, jurisdiction, hipaaCoveredEntity, writer, kmsAttestationKey, logSigner);
    }

    function suspend(bytes32 clinicId) external onlyAdmin {
        if (!clinics[clinicId].admitted) revert UnknownClinic(clinicId);
        clinics[clinicId].suspended = true;
        emit ClinicSuspended(clinicId);
    }

    function clinic(bytes32 clinicId) external view returns (Clinic memory) {
        return clinics[clinicId];
    }

    /// @notice The access rule of every clinic-scoped write: an admitted, non-suspended clinic's writer.
    function isActiveWriter(bytes32 clinicId, address account) external view returns (bool) {
        Clinic storage c = clinics[clinicId];
        return c.admitted && !c.suspended && c.writer == account;
    }

    function _store(bytes32 clinicId, Jurisdiction jurisdiction, bool hipaaCoveredEntity, address writer,
                    address kmsAttestationKey, address logSigner) private {
        if (writer == address(0) || kmsAttestationKey == address(0) || logSigner == address(0)) revert ZeroAddress();
        Clinic storage c = clinics[clinicId];
        c.admitted = true;
        c.jurisdiction = jurisdiction;
        c.hipaaCoveredEntity = hipaaCoveredEntity;
        c.writer = writer;
        c.kmsAttestationKey = kmsAttestationKey;
        c.logSigner = logSigner;
    }
}
