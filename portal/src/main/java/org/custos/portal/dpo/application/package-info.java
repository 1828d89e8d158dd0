/** The DPO workspace's services: scoped reads of one request's case, case handling on the trail. */
package org.custos.portal.dpo.application;
