package org.yogaflow.generator.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void foldsDiacriticsAndCase() {
        assertEquals(List.of("adho", "mukha", "svanasana"), Analysis.terms("Adho Mukha Śvānāsana"));
        assertEquals(List.of("vrksasana"), Analysis.terms("Vṛkṣāsana"));
        // decomposed input (a combining macron) gives the same term as precomposed
        assertEquals(Analysis.terms("Tāḍāsana"), Analysis.terms("Ta\u0304d\u0323a\u0304sana"));
        assertEquals(List.of("strasse"), Analysis.terms("STRAßE"));
    }

    @Test
    void splitsOnPunctuationAndBetweenLettersAndDigits() {
        assertEquals(List.of("hand", "big", "toe"), Analysis.terms("Hand-to-Big-Toe"));
        assertEquals(List.of("warrior", "2"), Analysis.terms("warrior2"));
        assertEquals(List.of("child", "cobbler"), Analysis.terms("Child’s cobbler's"));
    }

    @Test
    void numeralsAgree() {
        assertEquals(List.of("warrior", "2"), Analysis.terms("Warrior II"));
        assertEquals(List.of("warrior", "2"), Analysis.terms("warrior two"));
        assertEquals(List.of("warrior", "2"), Analysis.terms("warrior 02"));
        assertEquals(List.of("1", "20", "10", "4"), Analysis.terms("I XX x iv"));
    }

    @Test
    void dropsStopWordsIncludingPose() {
        assertEquals(List.of("half", "lord", "fishes"), Analysis.terms("Half Lord of the Fishes Pose"));
    }

    @Test
    void stemsEnglishWithPorter() {
        assertEquals("stretch", Analysis.stem("stretches"));
        assertEquals("strengthen", Analysis.stem("strengthening"));
        assertEquals("hamstr", Analysis.stem("hamstrings"));
    }

    @Test
    void sanskritTransliterationsMeet() {
        for (String variant : List.of("śavāsana", "savasana", "shavasana", "shavaasana")) {
            assertEquals("savasana", Analysis.sanskrit(Analysis.terms(variant).get(0)), variant);
        }
        assertEquals(Analysis.sanskrit("vrksasana"), Analysis.sanskrit("vrikshasana"));
        assertEquals(Analysis.sanskrit("candrasana"), Analysis.sanskrit("chandrasana"));
    }

    @Test
    void postingsRoundTrip() {
        int[] ids = {0, 1, 2, 3, 31, 32, 33, 1000, 1023, 1024, 99_999};
        String encoded = Postings.encode(ids);
        assertArrayEquals(ids, Postings.decode(encoded));
        assertEquals("0000", Postings.encode(new int[] {0, 1, 2, 3}), "dense lists are runs of one character");
    }

    /** The fast path of long texts must give exactly the distinct stems of the plain analysis. */
    @Test
    void stemCollectorMatchesAnalysis() {
        List<String> texts = new java.util.ArrayList<>(List.of(
                "Stretches the hamstrings; stretching daily STRETCHES them more.",
                "Śavāsana and Savasana, Child’s pose, warrior II and warrior two, 2 breaths, 02 breaths",
                "Ta\u0304d\u0323a\u0304sana then Tāḍāsana: the same word"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) { // enough distinct words to make the table grow several times
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 60; w++) text.append("w").append(random.nextInt(5000)).append("x ");
            texts.add(text.toString());
        }
        StemCollector collector = new StemCollector();
        for (String text : texts) {
            List<String> expected = Analysis.terms(text).stream().map(Analysis::stem).distinct().toList();
            assertEquals(expected, collector.of(List.of(text)), text);
        }
        // One call over several texts: each stem once, in order of first occurrence.
        assertEquals(List.of("stretch", "hamstr", "daili", "them", "more"),
                collector.of(List.of("Stretches the hamstrings;", "stretching daily STRETCHES them more.")));
    }
}
