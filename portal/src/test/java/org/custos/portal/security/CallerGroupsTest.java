package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the groups of a signed-in session come from, in the identity store's order, and what is not a group. */
class CallerGroupsTest {

    @Test
    void theAccessTokensGroupsComeFirst() {
        OpenIdContext ctx = context(access(true, List.of("regulator", "offline_access")), identity(List.of("dpo")),
                List.of("compliance-officer"));
        assertThat(CallerGroups.of(ctx)).containsExactly("regulator", "offline_access");
    }

    @Test
    void thenTheIdentityTokensThenTheUserInfo() {
        assertThat(CallerGroups.of(context(access(true, List.of()), identity(List.of("dpo")), List.of("x"))))
                .containsExactly("dpo");
        assertThat(CallerGroups.of(context(access(false, List.of("ignored")), identity(List.of()),
                List.of("compliance-officer")))).containsExactly("compliance-officer");
    }

    @Test
    void blankDuplicateAndNullNamesAreNoGroups() {
        assertThat(CallerGroups.of(context(access(true, Arrays.asList("dpo", "", " ", null, "dpo")), null, null)))
                .containsExactly("dpo");
    }

    @Test
    void aSessionWithoutTokensOrWhoseTokensFailHasNoGroups() {
        assertThat(CallerGroups.of(context(null, null, null))).isEmpty();
        assertThat(CallerGroups.of(context(access(false, List.of()), identity(List.of()), List.of()))).isEmpty();
        OpenIdContext broken = fake(OpenIdContext.class, Map.of());
        assertThat(CallerGroups.of(broken)).isEmpty();
    }

    private static OpenIdContext context(AccessToken access, IdentityToken identity, List<String> userInfo) {
        java.util.HashMap<String, Object> answers = new java.util.HashMap<>();
        answers.put("getAccessToken", access);
        answers.put("getIdentityToken", identity);
        answers.put("getClaims", fake(OpenIdClaims.class, Map.of("getArrayStringClaim",
                userInfo == null ? List.of() : userInfo)));
        return fake(OpenIdContext.class, answers);
    }

    private static AccessToken access(boolean jwt, List<String> groups) {
        return fake(AccessToken.class, Map.of("isJWT", jwt, "getJwtClaims", claims(groups)));
    }

    private static IdentityToken identity(List<String> groups) {
        return fake(IdentityToken.class, Map.of("getJwtClaims", claims(groups)));
    }

    private static JwtClaims claims(List<String> groups) {
        return fake(JwtClaims.class, Map.of("getArrayStringClaim", groups));
    }

    /** A fake whose methods answer by name from {@code answers}; any other method fails as a broken token would. */
    private static <T> T fake(Class<T> type, Map<String, ?> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (!answers.containsKey(m.getName())) {
                throw new IllegalStateException("not faked: " + m.getName());
            }
            return answers.get(m.getName());
        }));
    }
}
