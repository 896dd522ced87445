package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.diag.Diagnostic;
import org.yogaflow.generator.diag.Diagnostics;
import org.yogaflow.generator.diag.Severity;

/** Prints diagnostics (to stderr) and the summary and timings (to stdout) of a build. */
final class Reporter {

    private Reporter() {}

    static void diagnostics(Diagnostics diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics.sorted()) {
            err.println(d.format());
        }
    }

    static void timings(BuildReport report, PrintWriter out) {
        for (BuildReport.StageTiming t : report.timings()) {
            out.printf("  %-9s %6d ms  %s%n", t.stage(), t.duration().toMillis(), t.detail());
        }
    }

    /** "2 errors, 1 warning" */
    static String counts(Diagnostics diagnostics) {
        long errors = diagnostics.count(Severity.ERROR);
        long warnings = diagnostics.count(Severity.WARNING);
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static int exitCode(BuildReport report, boolean strict) {
        return report.diagnostics().fails(strict) ? ExitCodes.INVALID_CONTENT : ExitCodes.OK;
    }
}
