/**
 * The portal's plumbing: the data source (H2 by default, PostgreSQL by environment variables), schema
 * migrations at startup, the clock, build information and the MicroProfile Health checks.
 */
package org.custos.portal.system;
