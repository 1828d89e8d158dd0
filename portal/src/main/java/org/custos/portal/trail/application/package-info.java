/**
 * Trail use cases. Services are EJBs so that the container enforces {@code @RolesAllowed} on every call,
 * whatever page or filter calls them; a clinic-bound user's clinic comes from their token, never the page.
 */
package org.custos.portal.trail.application;
