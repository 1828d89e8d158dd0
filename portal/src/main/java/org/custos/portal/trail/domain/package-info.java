/**
 * The portal's own trail of actions: who did what, to which object, when. Append-only and hash-chained
 * (each entry's SHA-256 covers its fields and the previous entry's hash), so an edited, inserted or deleted
 * row is detectable by {@link org.custos.portal.trail.domain.TrailChainVerifier}. Pure domain: no CDI, no JPA
 * queries, no clock (the service passes the time in).
 */
package org.custos.portal.trail.domain;
