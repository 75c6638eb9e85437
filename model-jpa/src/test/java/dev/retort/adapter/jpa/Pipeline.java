package dev.retort.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.retort.adapter.config.YamlScriptRepository;
import dev.retort.core.application.port.in.CheckUseCase.CheckResult;
import dev.retort.core.application.port.in.CreateRevisionCommand;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.application.service.CheckService;
import dev.retort.core.application.service.ConfiguredConnector;
import dev.retort.core.application.service.CreateRevisionService;
import dev.retort.core.application.service.DowngradeService;
import dev.retort.core.application.service.TimeOrderedIdGenerator;
import dev.retort.core.application.service.UpgradeService;
import dev.retort.core.domain.diff.DiffOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Retort's use cases over one database and one revisions folder, assembled as the CLI assembles them. */
final class Pipeline {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;
    private final TargetSchemaSource target;
    private final Petclinic.CollectingReporter reporter = new Petclinic.CollectingReporter();

    Pipeline(FreshDatabase db, Path scriptLocation, TargetSchemaSource target) throws Exception {
        Files.createDirectories(scriptLocation.resolve(YamlScriptRepository.VERSIONS));
        this.scripts = new YamlScriptRepository(scriptLocation, "%(rev)s_%(slug)s", scriptLocation);
        this.connector = new ConfiguredConnector(FreshDatabase.dialects(), db.settings);
        this.target = target;
    }

    /** {@code retort revision --autogenerate} */
    CreateRevisionResult autogenerate(String message) {
        Clock clock = Clock.systemUTC();
        return new CreateRevisionService(scripts, target, connector, new TimeOrderedIdGenerator(clock), clock, DiffOptions.DEFAULT)
                .create(new CreateRevisionCommand(message, true, null, false, null, null, null, null));
    }

    /** autogenerate, then {@code retort upgrade head} */
    CreateRevisionResult autogenerateAndUpgrade(String message) {
        CreateRevisionResult result = autogenerate(message);
        assertNotNull(result.revision(), "autogenerate found nothing to do");
        new UpgradeService(scripts, connector, reporter).upgrade(new UpgradeCommand("head"));
        return result;
    }

    /** {@code retort check} */
    CheckResult check() {
        return new CheckService(scripts, target, connector, DiffOptions.DEFAULT).check();
    }

    /** {@code retort downgrade base} */
    void downgradeToBase() {
        new DowngradeService(scripts, connector, reporter).downgrade(new DowngradeCommand("base"));
    }
}
