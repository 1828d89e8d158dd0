/**
 * JPA storage of the trail. Adapters only: no decisions beyond storing and reading, no Faces, no Web3j.
 */
package org.custos.portal.trail.infrastructure;
