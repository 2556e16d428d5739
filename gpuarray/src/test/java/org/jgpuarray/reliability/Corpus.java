package org.jgpuarray.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every bad-input case, from the per-area lists. Adding a case is one line in its area's list; a new area
 * is one more line here.
 */
public final class Corpus {
    private Corpus() {
    }

    /** All cases, each name once. */
    public static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(ArgumentStringCases.cases());
        all.addAll(SnippetCases.cases());
        all.addAll(CallCases.cases());
        all.addAll(ShapeCases.cases());
        all.addAll(ViewCases.cases());
        all.addAll(DtypeCases.cases());
        all.addAll(ConversionCases.cases());
        all.addAll(ReductionCases.cases());
        all.addAll(LifecycleCases.cases());
        all.addAll(NullCases.cases());
        all.addAll(BlasCases.cases());
        all.addAll(FftCases.cases());
        all.addAll(RandomCases.cases());
        all.addAll(SortCases.cases());
        all.addAll(RawSourceCases.cases());
        Set<String> names = new HashSet<>();
        for (Case c : all) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("two bad-input cases are named '" + c.name() + "'");
            }
        }
        return all;
    }
}
