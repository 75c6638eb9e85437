package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.AppliedHistoryQuery;
import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List revisions, newest first.",
        footer = {"", "Examples:", "  retort history -r base:head", "  retort history -r ae10:", "  retort history -r -3:current --verbose", "  retort history --applied"})
final class HistoryCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", description = "Range, e.g. base:head, ae10:, :head, -2:current.")
    String range;

    @Option(names = "--applied", description = "Show what the history table recorded: every applied, failed and repaired step.")
    boolean applied;

    @Override
    public Integer call() {
        if (applied) {
            if (range != null) {
                throw new IllegalArgumentException("history --applied lists every recorded step; it does not take -r");
            }
            java.util.List<AppliedHistoryQuery.Applied> rows = root.get(AppliedHistoryQuery.class).applied();
            if (format == OutputFormat.JSON) {
                root.io().out().println(Json.write(java.util.Map.of("applied", rows)));
                return RetortCli.OK;
            }
            for (AppliedHistoryQuery.Applied a : rows) {
                root.io().out().printf(java.util.Locale.ROOT, "%4d  %-9s %-12s %-8s %s  %6d ms  %s@%s%s%n", a.rank(), a.direction(), a.revision(),
                        a.outcome(), a.startedAt(), a.durationMillis(), a.executedBy(), a.host(),
                        a.statement() == null ? "" : "  [" + a.statement().strip().replaceAll("\\s+", " ") + "]");
            }
            return RetortCli.OK;
        }
        java.util.List<RevisionInfo> history = root.get(RevisionQueries.class).history(range);
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("revisions", history));
            return RetortCli.OK;
        }
        for (RevisionInfo info : history) {
            root.io().out().println(root.verbose() ? Formats.verbose(info) : Formats.line(info));
        }
        return RetortCli.OK;
    }
}
