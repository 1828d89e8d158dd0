/**
 * Sign-in through Keycloak (Jakarta Security's OpenID Connect mechanism), the signed-in user, and the
 * recording of every sign-in, sign-out and session end in the trail. Roles are checked on the server: by the
 * servlet container (web.xml constraints per page folder) and again by the EJB services ({@code @RolesAllowed}).
 */
package org.custos.portal.security;
