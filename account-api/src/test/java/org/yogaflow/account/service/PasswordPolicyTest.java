package org.yogaflow.account.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.shipped();

    @Test
    void theShippedListIsLargeAndHoldsTheUsualSuspects() {
        assertTrue(policy.commonPasswords() >= 10_000, "entries: " + policy.commonPasswords());
        for (String p : new String[] {"password1234", "123456789012", "qwertyuiopas", "QWERTYUIOPAS", "iloveyou1234", "1qaz2wsx3edc"}) {
            assertTrue(policy.problem(p, "a@example.org").isPresent(), p);
        }
        assertFalse(policy.problem("lotus at dawn by the river", "a@example.org").isPresent());
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertTrue(policy.problem("ééééééééééé", null).isPresent(), "11 characters");
        assertFalse(policy.problem("éééééééééééx", null).isPresent(), "12 characters");
        assertFalse(policy.problem("🧘".repeat(128), null).isPresent());
        assertTrue(policy.problem("🧘".repeat(129), null).isPresent());
    }

    @Test
    void theEmailOrItsLocalPartIsNotAPassword() {
        assertTrue(policy.problem("Someone.Long@Example.org", "someone.long@example.org").isPresent());
        assertTrue(policy.problem("someone.longname", "someone.longname@example.org").isPresent());
    }

    @Test
    void thePrehashKeepsEveryByteAndStaysUnderSeventyTwo() {
        String a = "x".repeat(80) + "a";
        String b = "x".repeat(80) + "b";
        byte[] ha = PasswordHasher.prehash(a);
        assertEquals(44, ha.length);
        assertFalse(java.util.Arrays.equals(ha, PasswordHasher.prehash(b)));
        // NFC: a precomposed and a decomposed "é" are the same password.
        assertArrayEquals(PasswordHasher.prehash("caf\u00e9 au lait!"), PasswordHasher.prehash("cafe\u0301 au lait!"));
        for (byte c : ha) {
            assertTrue(c != 0 && new String(new byte[] {c}, StandardCharsets.US_ASCII).matches("[A-Za-z0-9+/=]"));
        }
    }

    @Test
    void hashAndVerify() {
        try (PasswordHasher hasher = new PasswordHasher(4, 1, 4)) {
            String hash = hasher.hash("y".repeat(100));
            assertTrue(hasher.verify("y".repeat(100), hash));
            assertFalse(hasher.verify("y".repeat(99) + "z", hash));
        }
    }
}
