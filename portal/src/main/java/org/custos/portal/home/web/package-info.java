/** Backing beans of the start pages ({@code /index.xhtml}, {@code /home/*.xhtml}): load, call a service, expose. */
package org.custos.portal.home.web;
