package org.custos.verify.rlp;

/** The input is not a canonical RLP encoding (Yellow Paper Appendix B). */
public final class MalformedRlpException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedRlpException(String message) {
        super(message);
    }
}
