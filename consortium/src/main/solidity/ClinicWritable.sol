// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

import "./ConsortiumRegistry.sol";

/// @title Base of every clinic-scoped registry: writes for a clinic come only from its active writer.
abstract contract ClinicWritable {
    ConsortiumRegistry public immutable registry;

    error NotClinicWriter(bytes32 clinicId, address caller);

    constructor(ConsortiumRegistry consortiumRegistry) {
        registry = consortiumRegistry;
    }

    modifier onlyWriter(bytes32 clinicId) {
        if (!registry.isActiveWriter(clinicId, msg.sender)) revert NotClinicWriter(clinicId, msg.sender);
        _;
    }
}
