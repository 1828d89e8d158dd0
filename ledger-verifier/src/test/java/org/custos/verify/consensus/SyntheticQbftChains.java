package org.custos.verify.consensus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.TestKeys;

/**
 * The synthetic chain of the consensus tests: 4 validators (keys 0-3); blocks 5-7 vote to add key 4 (3 of 4
 * votes, more than half) so it validates from block 8; blocks 12-14 vote to drop key 3 (3 of 5) so the set is
 * {0, 1, 2, 4} from block 15. Every block is sealed by all validators of its parent; rounds vary. Key 9 is
 * never a validator.
 */
final class SyntheticQbftChains {

    static final long EPOCH = 30_000;
    static final int LENGTH = 20;
    static final BigInteger OUTSIDER = TestKeys.key(9);

    private SyntheticQbftChains() {
    }

    static BigInteger k(int i) {
        return TestKeys.key(i);
    }

    static List<BigInteger> initialKeys() {
        return List.of(k(0), k(1), k(2), k(3));
    }

    static Set<Bytes> initialSet() {
        Set<Bytes> set = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
        set.addAll(BftChainBuilder.addresses(initialKeys()));
        return set;
    }

    /** Keys of the validator set in force for block {@code n}, as the scenario intends it. */
    static List<BigInteger> keysFor(long n) {
        if (n <= 7) {
            return initialKeys();
        }
        if (n <= 14) {
            return List.of(k(0), k(1), k(2), k(3), k(4));
        }
        return List.of(k(0), k(1), k(2), k(4));
    }

    static BftChainBuilder build(BftVariant variant) {
        BftChainBuilder chain = new BftChainBuilder(variant, initialKeys());
        for (int n = 1; n <= LENGTH; n++) {
            List<BigInteger> keys = keysFor(n);
            BigInteger proposer = keys.get(n % keys.size());
            Optional<BftVote> vote = Optional.empty();
            if (n >= 5 && n <= 7) {
                vote = Optional.of(new BftVote(TestKeys.address(k(4)), true));
            }
            if (n >= 12 && n <= 14) {
                proposer = List.of(k(0), k(1), k(4)).get(n - 12);
                vote = Optional.of(new BftVote(TestKeys.address(k(3)), false));
            }
            chain.add(proposer, vote, n % 3, BftChainBuilder.addresses(keys), new ArrayList<>(keys));
        }
        return chain;
    }
}
