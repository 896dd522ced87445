package org.yogaflow.generator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yogaflow.generator.build.BuildOptions;
import org.yogaflow.generator.build.BuildReport;
import org.yogaflow.generator.build.Pipeline;
import org.yogaflow.generator.images.PhotoSettings;
import org.yogaflow.generator.diag.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Validates the content and, if it is valid, renders the site and publishes it atomically.
 * Example: {@code yogaflow build --out public --base-url https://studio.example/}
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate the content and build the static site.",
                "The site is rendered into a staging folder beside --out and swapped in only when "
                        + "every stage succeeded: a failed build leaves the previous site untouched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:site built", "1:other failure (theme, disk, usage)",
                "2:content has errors (or warnings, with --strict); nothing was published"})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    ContentOptions content;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "public",
            description = "Output folder, replaced by the new site (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--theme", paramLabel = "DIR", defaultValue = "site-theme",
            description = "Theme folder with templates/ and assets/ (default: ${DEFAULT-VALUE}).")
    Path theme;

    @Mixin
    SiteOptions siteOptions;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Build cache folder: photo renditions and what each page was made from; safe to delete "
                    + "(default: .yogaflow-cache beside the content folder).")
    Path cache;

    @Option(names = "--max-photo-mb", paramLabel = "MB", defaultValue = "10",
            description = "Largest source photo accepted, in megabytes (default: ${DEFAULT-VALUE}).")
    double maxPhotoMb;

    @Option(names = "--photo-quality", paramLabel = "Q", defaultValue = "80",
            description = "WebP quality of photo renditions, 1-100 (default: ${DEFAULT-VALUE}).")
    int photoQuality;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The build's options from the flags and {@code content/site.yaml} (whose problems go to
     * {@code diagnostics}); {@code localBaseUrl} is the preview server's address, or null.
     */
    BuildOptions options(String localBaseUrl, Diagnostics diagnostics) {
        if (!(maxPhotoMb > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-photo-mb must be more than 0");
        }
        if (photoQuality < 1 || photoQuality > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--photo-quality must be from 1 to 100");
        }
        SiteOptions.Resolved site = siteOptions.resolve(spec.commandLine(), content.content, localBaseUrl, diagnostics);
        return new BuildOptions(content.content, out, theme, site.baseUrl(), content.drafts, content.strict,
                cache != null ? cache : BuildOptions.defaultCache(content.content),
                new PhotoSettings((long) (maxPhotoMb * 1_000_000), PhotoSettings.DEFAULT.maxPixels(), photoQuality),
                site.site());
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics settings = new Diagnostics();
        BuildOptions options = options(null, settings);
        if (settings.hasErrors()) {
            // Settings unusable: still report every content problem of this run.
            BuildReport checked = new Pipeline(options).validate();
            settings.sorted().forEach(checked.diagnostics()::add);
            Reporter.diagnostics(checked.diagnostics(), err);
            err.println("build failed: " + Reporter.counts(checked.diagnostics()) + "; " + this.out + " was not changed");
            return ExitCodes.INVALID_CONTENT;
        }
        BuildReport report = new Pipeline(options, new ConsoleProgress(err, ConsoleProgress.isInteractive())).build();
        settings.sorted().forEach(report.diagnostics()::add);
        if (report.upToDate()) {
            report.replayedWarnings().forEach(err::println);
            stdout.println("nothing changed since the last build: " + this.out + " is up to date");
            return ExitCodes.OK;
        }
        Reporter.diagnostics(report.diagnostics(), err);
        Reporter.timings(report, stdout);
        if (report.images() != null) stdout.println(report.images().summary());
        if (!report.published()) {
            err.println("build failed: " + Reporter.counts(report.diagnostics()) + "; " + this.out + " was not changed");
            return ExitCodes.INVALID_CONTENT;
        }
        stdout.printf("built %s, %s, %s (%s) in %.2f s → %s%n",
                Reporter.plural(report.poses(), "pose"), Reporter.plural(report.sequences(), "sequence"),
                Reporter.plural(report.pages(), "page"), Reporter.plural(report.photos(), "photo"),
                report.total().toMillis() / 1000.0, this.out);
        return ExitCodes.OK;
    }
}
