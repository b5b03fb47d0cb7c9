package io.regtrack.series;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "What a binary is made of over time: its largest sections and crates, each a list of bytes "
                + "aligned with `runs` (null where a run did not record it); the smaller ones summed as `other`")
public record CompositionView(
        String name,
        String branch,
        String profile,
        String target,

        @Schema(description = "Points of the binary's size before downsampling")
        int total,

        List<ChartsView.RunFacts> runs,

        @Schema(description = "The binary's whole size at each run")
        List<Double> size,

        List<Part> sections,
        List<Part> crates) {

    public record Part(String name, List<Double> value) {}
}
