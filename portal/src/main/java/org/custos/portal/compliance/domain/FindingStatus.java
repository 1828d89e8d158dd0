package org.custos.portal.compliance.domain;

/** A finding's status; only a regulator changes it (ACCEPTED needs a reason), every change goes to the trail. */
public enum FindingStatus { OPEN, ACKNOWLEDGED, REMEDIATED, ACCEPTED }
