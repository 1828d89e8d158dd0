/** Test fixtures: a local anvil node that a test starts and stops itself. */
package org.custos.consortium.testing;
