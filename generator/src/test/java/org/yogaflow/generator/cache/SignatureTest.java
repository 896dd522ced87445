package org.yogaflow.generator.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void partsAreDelimitedAndAListCountsAsItsText() {
        assertNotEquals(Signature.of("ab", "c"), Signature.of("a", "bc"));
        assertNotEquals(Signature.of((Object) null), Signature.of("null"));
        assertEquals(Signature.of("x", "y"), Signature.of("x", "y"));
        List<Object> list = new ArrayList<>(List.of("a1", 2, List.of("b")));
        assertEquals(Signature.of("[a1, 2, [b]]", 7), Signature.of(list, 7), "hashed as the text it prints");
        assertEquals(Signature.of(List.of()), Signature.of("[]"));
        list.add(list);
        assertEquals(Signature.of("[a1, 2, [b], (this Collection)]"), Signature.of(list));
    }
}
