package org.custos.consortium.chain;

import org.web3j.abi.datatypes.Address;

/** The addresses of one deployment of the consortium's three contracts. */
public record Consortium(String registry, String records, String accountability) {

    /** Deploys the registry, then the two clinic-scoped registries bound to it; the deployer becomes the admin. */
    public static Consortium deploy(ChainWriter admin) {
        String registry = admin.deploy(ContractArtifact.load(ContractArtifact.CONSORTIUM_REGISTRY));
        String records = admin.deploy(ContractArtifact.load(ContractArtifact.RECORD_REGISTRY), new Address(registry));
        String accountability = admin.deploy(ContractArtifact.load(ContractArtifact.ACCOUNTABILITY_REGISTRY),
                new Address(registry));
        return new Consortium(registry, records, accountability);
    }

    /** A decoder for the events of all three contracts of this deployment. */
    public EventDecoder decoder() {
        return new EventDecoder()
                .register(registry, ContractArtifact.load(ContractArtifact.CONSORTIUM_REGISTRY))
                .register(records, ContractArtifact.load(ContractArtifact.RECORD_REGISTRY))
                .register(accountability, ContractArtifact.load(ContractArtifact.ACCOUNTABILITY_REGISTRY));
    }
}
