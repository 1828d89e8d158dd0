package org.custos.verify.rlp;

/** A decoded RLP item: a byte string or a list of items (Yellow Paper Appendix B, the set T). */
public sealed interface RlpItem permits RlpString, RlpList {
}
