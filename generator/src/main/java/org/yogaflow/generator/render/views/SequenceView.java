package org.yogaflow.generator.render.views;

import java.util.List;
import org.yogaflow.generator.content.Sequence;

/**
 * Everything a sequence page shows, ready for the template.
 *
 * @param cautions the contraindications of all its poses, merged (the safety summary)
 */
public record SequenceView(Sequence sequence, SequenceLink link, String descriptionHtml, List<StepView> steps,
        String computed, String computedIso, List<Caution> cautions) {}
