package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint8;

/** The codec's event ids agree with Web3j's ABI encoder (an independent implementation); decoding is strict. */
class ConsortiumEventCodecTest {

    private static final String CLINIC = "0x" + "c1".repeat(32);
    private final ConsortiumEventCodec codec = new ConsortiumEventCodec();

    @Test
    void topicsAgreeWithWeb3j() {
        Event admitted = new Event("ClinicAdmitted", Arrays.asList(new TypeReference<Bytes32>(true) { },
                new TypeReference<Uint8>() { }, new TypeReference<Bool>() { }, new TypeReference<Address>() { },
                new TypeReference<Address>() { }, new TypeReference<Address>() { }));
        assertThat(ConsortiumEventCodec.topic0("ClinicAdmitted")).isEqualTo(EventEncoder.encode(admitted));
        Event docs = new Event("DocumentAnchored", Arrays.asList(new TypeReference<Bytes32>(true) { },
                new TypeReference<Uint16>(true) { }, new TypeReference<Bytes32>() { },
                new TypeReference<org.web3j.abi.datatypes.generated.Uint32>() { }));
        assertThat(ConsortiumEventCodec.topic0("DocumentAnchored")).isEqualTo(EventEncoder.encode(docs));
        assertThat(ConsortiumEventCodec.eventNames()).hasSize(17);
    }

    @Test
    void decodesTheFieldsInDeclarationOrder() {
        String data = word("01") + word("01") + word("70997970c51812dc3a010c7d01b50e0d17dc79c8")
                + word("3c44cdddb6a900fa2b585dd299e03d12fa4293bc") + word("90f79bf6eb2c4f870365e785982e1f101e93b906");
        ConsortiumEventCodec.Decoded d = codec.decode("registry",
                List.of(ConsortiumEventCodec.topic0("ClinicAdmitted"), CLINIC), "0x" + data);
        assertThat(d.name()).isEqualTo("ClinicAdmitted");
        assertThat(d.clinicId()).isEqualTo(CLINIC);
        assertThat(d.fieldsJson()).isEqualTo("{\"clinicId\":\"" + CLINIC + "\",\"jurisdiction\":\"1\","
                + "\"hipaaCoveredEntity\":true,\"writer\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\","
                + "\"kmsAttestationKey\":\"0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc\","
                + "\"logSigner\":\"0x90f79bf6eb2c4f870365e785982e1f101e93b906\"}");
    }

    @Test
    void aWordThatDoesNotFitItsTypeOrAWrongShapeIsUndecodable() {
        String topic = ConsortiumEventCodec.topic0("ClinicAdmitted");
        String good = word("01") + word("01") + word("70997970c51812dc3a010c7d01b50e0d17dc79c8") + word("02")
                + word("03");
        assertThat(codec.decode("registry", List.of(topic, CLINIC), "0x" + good).name()).isEqualTo("ClinicAdmitted");
        String badBool = word("01") + word("02") + word("70997970c51812dc3a010c7d01b50e0d17dc79c8") + word("02")
                + word("03");
        assertThat(codec.decode("registry", List.of(topic, CLINIC), "0x" + badBool).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
        String badAddress = word("01") + word("01") + "ff" + word("01").substring(2) + word("02") + word("03");
        assertThat(codec.decode("registry", List.of(topic, CLINIC), "0x" + badAddress).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
        assertThat(codec.decode("registry", List.of(topic, CLINIC), "0x" + good.substring(64)).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
        assertThat(codec.decode("registry", List.of(topic), "0x" + good).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
        // the right event id from the wrong contract is not that event
        assertThat(codec.decode("records", List.of(topic, CLINIC), "0x" + good).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
        String badUint8 = word("0100") + word("01") + word("70997970c51812dc3a010c7d01b50e0d17dc79c8") + word("02")
                + word("03");
        assertThat(codec.decode("registry", List.of(topic, CLINIC), "0x" + badUint8).name())
                .isEqualTo(ConsortiumEventCodec.UNDECODABLE);
    }

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }
}
