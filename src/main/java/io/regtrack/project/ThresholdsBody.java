package io.regtrack.project;

import io.regtrack.verdict.Thresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project's thresholds. Anything left out takes the default: sizes fail beyond +1 % or
 * +16 KiB (whichever is larger); runtimes need Mann–Whitney p < 0.01 and a 5 % effect.
 */
@Schema(description = "When a difference fails. Omitted parts take the defaults; `measurements` overrides by name.")
public record ThresholdsBody(
        @Valid SizeRule size,
        @Valid RuntimeRule runtime,
        @Size(max = 1_000) Map<@Size(min = 1, max = 200) String, @Valid Override> measurements) {

    /** No overrides: every rule is the default. */
    public static final ThresholdsBody NONE = new ThresholdsBody(null, null, null);

    @Schema(description = "A size fails when it grows beyond `percent` of the baseline or `bytes`, whichever is larger")
    public record SizeRule(
            @Schema(example = "1.0") @PositiveOrZero @Max(1_000)
            Double percent,

            @Schema(example = "16384") @PositiveOrZero Long bytes) {}

    @Schema(
            description = "A runtime fails when the test is significant at `alpha` and the median moved by at least "
                    + "`minEffectPercent`")
    public record RuntimeRule(
            @Schema(example = "0.01") @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5")
            Double alpha,

            @Schema(example = "5.0") @PositiveOrZero @Max(1_000)
            Double minEffectPercent,

            @Schema(enumeration = {"mann-whitney", "welch"})
            @Pattern(regexp = "^(mann-whitney|welch)$", message = "must be 'mann-whitney' or 'welch'")
            String test) {}

    public record Override(@Valid SizeRule size, @Valid RuntimeRule runtime) {}

    /** The rules in force: these values over the defaults. */
    public Thresholds effective() {
        Map<String, Thresholds.Override> perName = new LinkedHashMap<>();
        Thresholds.Size sizeDefault = size(size, Thresholds.Size.DEFAULT);
        Thresholds.Runtime runtimeDefault = runtime(runtime, Thresholds.Runtime.DEFAULT);
        if (measurements != null) {
            measurements.forEach((name, o) -> perName.put(
                    name,
                    new Thresholds.Override(
                            o == null || o.size() == null ? null : size(o.size(), sizeDefault),
                            o == null || o.runtime() == null ? null : runtime(o.runtime(), runtimeDefault))));
        }
        return new Thresholds(sizeDefault, runtimeDefault, perName);
    }

    /** The same rules written out in full, as GET shows them. */
    public static ThresholdsBody of(Thresholds t) {
        Map<String, Override> perName = new LinkedHashMap<>();
        t.measurements()
                .forEach((name, o) -> perName.put(
                        name,
                        new Override(
                                o.size() == null
                                        ? null
                                        : new SizeRule(
                                                o.size().percent(), o.size().bytes()),
                                o.runtime() == null
                                        ? null
                                        : new RuntimeRule(
                                                o.runtime().alpha(),
                                                o.runtime().minEffectPercent(),
                                                o.runtime().test()))));
        return new ThresholdsBody(
                new SizeRule(t.size().percent(), t.size().bytes()),
                new RuntimeRule(
                        t.runtime().alpha(),
                        t.runtime().minEffectPercent(),
                        t.runtime().test()),
                perName);
    }

    private static Thresholds.Size size(SizeRule rule, Thresholds.Size base) {
        return rule == null
                ? base
                : new Thresholds.Size(
                        rule.percent() == null ? base.percent() : rule.percent(),
                        rule.bytes() == null ? base.bytes() : rule.bytes());
    }

    private static Thresholds.Runtime runtime(RuntimeRule rule, Thresholds.Runtime base) {
        return rule == null
                ? base
                : new Thresholds.Runtime(
                        rule.alpha() == null ? base.alpha() : rule.alpha(),
                        rule.minEffectPercent() == null ? base.minEffectPercent() : rule.minEffectPercent(),
                        rule.test() == null ? base.test() : rule.test());
    }
}
