/** The DPO workspace's domain: pure decisions over proven events (no container, no database). */
package org.custos.portal.dpo.domain;
