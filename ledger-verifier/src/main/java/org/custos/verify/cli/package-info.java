/**
 * The command-line re-verifier, the only package of the module that does I/O: the JSON codec ({@link
 * org.custos.verify.cli.Json}, Jackson with nesting and length limits), a read-only JSON-RPC client ({@link
 * org.custos.verify.cli.JsonRpcClient}: batched requests over the JDK's HTTP client, {@code http://} or
 * {@code https://} with a pinned trust store and an {@code Authorization} header from the environment, a connect
 * timeout, one deadline per request and an answer size limit, {@link org.custos.verify.cli.RpcSettings}) and
 * {@link org.custos.verify.cli.Main} with the {@code range} and {@code transcript} commands. Fetching lives here;
 * every verdict comes from the pure packages ({@code org.custos.verify.evidence} and below).
 *
 * <p>Depends on the JDK, Jackson and the verifier packages only. Nothing in the core may depend on it (nor on
 * Jackson: {@code VerifierArchitectureTest}).
 */
package org.custos.verify.cli;
