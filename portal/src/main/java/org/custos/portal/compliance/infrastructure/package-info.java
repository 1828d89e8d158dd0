/** JPA storage of findings and bundle records (tables of Flyway V4). */
package org.custos.portal.compliance.infrastructure;
