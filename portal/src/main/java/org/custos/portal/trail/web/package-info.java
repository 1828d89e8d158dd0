/** Backing beans of the trail pages ({@code /trail/*.xhtml}), regulators only. */
package org.custos.portal.trail.web;
