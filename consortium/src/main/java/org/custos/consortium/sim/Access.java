package org.custos.consortium.sim;

/**
 * A planned access-log entry: who (staff number and role index into {@link Codes#ROLES}) read which record of which
 * subject, when, for which purpose, under which consent (null = none referenced), break-glass or not. Its index in
 * the log and its stored bytes are assigned when the clinic's log is assembled ({@link AccessLog}).
 */
final class Access {
    final long time;
    final int seq;
    final int actor;
    final int role;
    final byte[] subject;
    final byte[] recordId;
    final int purpose;
    final int category;
    final byte[] consentId;
    final boolean breakGlass;
    /** True for an entry a violation or a review names: log violations never alter or drop it. */
    final boolean named;
    int index = -1;
    byte[] bytes;

    Access(long time, int seq, int actor, int role, byte[] subject, byte[] recordId, int purpose, int category,
           byte[] consentId, boolean breakGlass, boolean named) {
        this.time = time;
        this.seq = seq;
        this.actor = actor;
        this.role = role;
        this.subject = subject;
        this.recordId = recordId;
        this.purpose = purpose;
        this.category = category;
        this.consentId = consentId;
        this.breakGlass = breakGlass;
        this.named = named;
    }
}
