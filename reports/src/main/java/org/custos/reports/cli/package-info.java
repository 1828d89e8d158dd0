/**
 * The command-line tool ({@code verify-report}): the only package of this module that reads files, the network
 * and the system clock. It wires {@link org.custos.reports.verify.SignedReportVerifier} and, with {@code --rpc},
 * ledger-verifier's transcript verifier and read-only JSON-RPC client.
 */
package org.custos.reports.cli;
