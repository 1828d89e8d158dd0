package org.custos.portal.trail.domain;

/** What a trail entry records. Stable names: they are part of each entry's hash. */
public enum TrailAction {
    SIGN_IN,
    SIGN_OUT,
    SESSION_ENDED,
    TRAIL_VERIFIED
}
