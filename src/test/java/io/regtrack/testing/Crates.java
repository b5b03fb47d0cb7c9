package io.regtrack.testing;

/** The small, dependency-free Rust crate the tests build with the real cargo. */
public final class Crates {

    private Crates() {}

    public static final String PACKAGE = """
            [package]
            name = "sumloop"
            version = "0.1.0"
            edition = "2021"
            """;

    /** A size profile as the Cargo book suggests it. */
    public static final String MIN_SIZE = """

            [profile.min-size]
            inherits = "release"
            opt-level = "z"
            lto = true
            codegen-units = 1
            panic = "abort"
            strip = true
            """;

    /** The classic loop summing 0..1,000,000. */
    public static final String SUM_LOOP = """
            fn main() {
                let mut sum: u64 = 0;
                for i in 0..1_000_000u64 {
                    sum = sum.wrapping_add(i);
                }
                println!("{sum}");
            }
            """;
}
