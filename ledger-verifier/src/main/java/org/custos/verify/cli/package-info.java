/**
 * The command-line re-verifier, the only package of the module that does I/O: a minimal JSON codec, a read-only
 * JSON-RPC client (HTTP/1.1 over a plain socket, keep-alive, TCP_NODELAY, batched requests) and {@link
 * org.custos.verify.cli.Main} with the {@code range} and {@code transcript} commands. Fetching lives here; every
 * verdict comes from the pure packages ({@code org.custos.verify.evidence} and below).
 *
 * <p>Depends on the JDK and the verifier packages only. Nothing in the core may depend on it.
 */
package org.custos.verify.cli;
