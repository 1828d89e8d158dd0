/** The DPO workspace's pages (backing beans; the pages are under {@code webapp/dpo/}). */
package org.custos.portal.dpo.web;
