package io.regtrack.ingest;

/** Examples shown in the OpenAPI document. */
final class Examples {

    private Examples() {}

    static final String UPLOAD = """
            {
              "commit": "9fceb02d0ae598e95dc970b74767f19372d61af8",
              "branch": "main",
              "committedAt": "2026-11-23T10:15:00Z",
              "message": "Shrink the parser tables",
              "idempotencyKey": "gh-123456789-1-build",
              "toolchain": { "rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu" },
              "runner": { "os": "ubuntu-24.04", "arch": "x86_64" },
              "profile": { "name": "release", "settings": { "opt-level": "3", "lto": "fat", "codegen-units": 1 } },
              "measurements": [
                { "kind": "size", "name": "myapp", "unit": "bytes", "value": 303552 },
                { "kind": "runtime", "name": "startup", "unit": "seconds", "samples": [0.00081, 0.00079, 0.00083, 0.00080, 0.00082, 0.00081] }
              ]
            }""";

    static final String COMPARISON = """
            {
              "runId": 17, "commit": "9fceb02d0ae598e95dc970b74767f19372d61af8", "branch": "main",
              "baseline": null, "status": "no-baseline",
              "verdicts": [
                { "kind": "runtime", "name": "startup", "unit": "seconds", "baseline": null, "current": 0.00081,
                  "delta": null, "deltaPercent": null, "status": "new", "test": null, "pValue": null, "explanations": [],
                  "reason": null, "why": "not in the baseline",
                  "shown": {"baseline": "—", "current": "810.00 µs", "delta": "", "deltaPercent": ""},
                  "composition": [] },
                { "kind": "size", "name": "myapp", "unit": "bytes", "baseline": null, "current": 303552,
                  "delta": null, "deltaPercent": null, "status": "new", "test": null, "pValue": null, "explanations": [],
                  "reason": null, "why": "not in the baseline",
                  "shown": {"baseline": "—", "current": "296.4 KiB (303,552 B)", "delta": "", "deltaPercent": ""},
                  "composition": [] }
              ],
              "profileChanges": [], "toolchainChanges": [],
              "markdown": "### regtrack: no baseline yet ...",
              "url": "http://localhost:8080/projects/myapp/runs/17"
            }""";
}
