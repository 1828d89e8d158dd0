package org.custos.portal.archfixture.domain;

import org.web3j.protocol.Web3j;

/** A deliberate violation (domain code using Web3j), to prove that PortalArchitectureTest catches one. */
public class PlantedWeb3jInDomain {

    public Class<?> leak() {
        return Web3j.class;
    }
}
