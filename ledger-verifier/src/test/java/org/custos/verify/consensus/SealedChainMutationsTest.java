package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.custos.verify.VerificationResult;
import org.custos.verify.testing.BftChainBuilder;
import org.custos.verify.testing.Mutations;
import org.custos.verify.testing.Mutations.Mutation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every systematic mutation ({@link Mutations}) of the synthetic chain must be rejected with its reason code,
 * at the mutated block. Targets: block 10 (5 validators, round 1, sealed by a validator added by vote) and
 * block 16 (after a removal, round 1); QBFT and IBFT 2.0.
 */
class SealedChainMutationsTest {

    static Stream<Mutation> mutations() {
        return Stream.of(BftVariant.QBFT, BftVariant.IBFT2).flatMap(variant -> {
            BftChainBuilder chain = SyntheticQbftChains.build(variant);
            return Stream.of(10, 16).flatMap(target -> Mutations.of(chain, target, SyntheticQbftChains.OUTSIDER)
                    .stream().map(m -> new Mutation(variant + " block " + target + " " + m.name(), m.chain(),
                            m.expected(), m.block())));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void mutationIsRejectedWithItsReason(Mutation mutation) {
        BftVariant variant = mutation.name().startsWith("QBFT") ? BftVariant.QBFT : BftVariant.IBFT2;
        VerificationResult result = SealedChainVerifier.bft(variant, SyntheticQbftChains.EPOCH,
                SyntheticQbftChains.initialSet()).verify(mutation.chain().get(0).claimedHash(), mutation.chain())
                .result();
        assertThat(result.verified()).as(mutation.name()).isFalse();
        assertThat(result.reason()).as(result.toString()).isEqualTo(mutation.expected());
        assertThat(result.subject()).as(result.toString())
                .matches("block " + mutation.block() + "( .*)?");
    }
}
