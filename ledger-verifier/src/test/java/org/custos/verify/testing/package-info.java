/**
 * Test-scope helpers: a minimal strict JSON reader and the locator of copied test vectors. May read files (it is
 * test code); the verifier-core rule applies to production classes only.
 */
package org.custos.verify.testing;
