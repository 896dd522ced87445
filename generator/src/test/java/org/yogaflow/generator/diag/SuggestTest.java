package org.yogaflow.generator.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {

    private static final List<String> AREAS = List.of("hamstrings", "hips", "hip-flexors", "shoulders", "core");

    @Test
    void findsTheNearestWordForTyposAndMissingLetters() {
        assertEquals(Optional.of("hamstrings"), Suggest.closest("hamstring", AREAS));
        assertEquals(Optional.of("shoulders"), Suggest.closest("sholders", AREAS));
        assertEquals(Optional.of("hips"), Suggest.closest("hisp", AREAS), "adjacent swap counts as one edit");
        assertEquals(Optional.of("hip-flexors"), Suggest.closest("Hip-Flexor", AREAS), "case does not matter");
    }

    @Test
    void suggestsNothingForUnrelatedWordsAndListsTheChoicesInstead() {
        assertEquals(Optional.empty(), Suggest.closest("elbow", AREAS));
        assertEquals("use one of: core, hamstrings, hip-flexors, hips, shoulders", Suggest.hint("elbow", AREAS));
    }
}
