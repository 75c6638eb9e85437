package dev.retort.adapter.cli;

import dev.retort.adapter.config.RetortSettings;
import dev.retort.api.Reporters;
import dev.retort.core.application.port.in.MigrationTestUseCase;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.application.service.ConfiguredConnector;
import dev.retort.core.application.service.DialectRegistry;
import dev.retort.core.application.service.MigrationTestService;
import dev.retort.core.domain.Secrets;
import dev.retort.core.domain.diff.DiffOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test the migrations as pytest-alembic would: a single head, upgrade base to head, an up/down/up round trip "
                + "of every revision, the model matching head, and downgrade to base. Uses a throwaway SQLite file unless --url names "
                + "an empty database.",
        footer = {"", "Examples:", "  retort test", "  retort test --url jdbc:postgresql://localhost/scratch?user=ci"})
final class TestCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Override
    public Integer call() {
        RetortSettings settings = root.get(RetortSettings.class);
        Path throwaway = null;
        String url = root.url;
        try {
            if (url == null) {
                throwaway = Files.createTempFile("retort-test-", ".db");
                url = "jdbc:sqlite:" + throwaway;
            }
            ConnectionSettings connection = new ConnectionSettings(url, settings.user(), settings.password(), settings.schema(),
                    settings.versionTable(), settings.historyTable());
            TargetSchemaSource target = settings.targetMetadata() == null ? null : root.get(TargetSchemaSource.class);
            MigrationTestUseCase tests = new MigrationTestService(root.get(ScriptRepository.class), target,
                    new ConfiguredConnector(root.get(DialectRegistry.class), connection), root.verbose() ? root.get(Reporter.class) : Reporters.silent(),
                    new DiffOptions(settings.includeTables(), settings.excludeTables()));
            String label = Secrets.mask(url, settings.password()) + (throwaway != null ? " (throwaway)" : "");
            if (!root.quiet()) {
                root.io().err().println("Testing migrations on " + label);
            }
            MigrationTestUseCase.Report report = tests.run(label);
            Style style = root.io().style();
            for (MigrationTestUseCase.Outcome o : report.outcomes()) {
                root.io().out().println((o.passed() ? style.green("  ok    ") : style.red("  FAIL  ")) + o.check() + ": " + o.detail());
            }
            long passed = report.outcomes().stream().filter(MigrationTestUseCase.Outcome::passed).count();
            root.io().out().println(report.passed() ? "All " + passed + " checks passed" : "Failed: " + (report.outcomes().size() - passed)
                    + " of " + report.outcomes().size() + " checks");
            return report.passed() ? RetortCli.OK : RetortCli.USER_ERROR;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (throwaway != null) {
                try {
                    Files.deleteIfExists(throwaway);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless.
                }
            }
        }
    }
}
