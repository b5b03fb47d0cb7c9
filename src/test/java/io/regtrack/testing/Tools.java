package io.regtrack.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an external tool skip when it is missing on a laptop; with
 * {@code REGTRACK_REQUIRE_TOOLS=1} (as CI sets it) a missing tool fails the test instead.
 */
public final class Tools {

    private Tools() {}

    public static void require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return;
            }
        }
        if ("1".equals(System.getenv("REGTRACK_REQUIRE_TOOLS"))) {
            fail(tool + " is required (REGTRACK_REQUIRE_TOOLS=1) but is not on the PATH");
        }
        Assumptions.abort(tool + " is not installed; set REGTRACK_REQUIRE_TOOLS=1 to make this a failure");
    }
}
