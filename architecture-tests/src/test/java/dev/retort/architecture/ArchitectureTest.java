package dev.retort.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaSource;
import java.util.ServiceLoader;

/** The hexagon, as rules the build enforces (DESIGN.md, "Modules"). */
@AnalyzeClasses(packages = "dev.retort", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("dev.retort.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.retort.core..")
            .because("core is pure Java: no jOOQ, JDBC driver, Jackson, Guice or picocli");

    @ArchTest
    static final ArchRule core_names_no_adapter = noClasses()
            .that().resideInAPackage("dev.retort.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.dialect..", "dev.retort.adapter..");

    @ArchTest
    static final ArchRule core_never_calls_service_loader = noClasses()
            .that().resideInAPackage("dev.retort.core..")
            .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
            .because("the CLI finds dialects and passes them in, so tests can pass providers directly");

    @ArchTest
    static final ArchRule in_ports_do_not_know_out_ports = noClasses()
            .that().resideInAPackage("dev.retort.core.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.retort.core.application.port.out..");

    @ArchTest
    static final ArchRule out_ports_do_not_know_in_ports = noClasses()
            .that().resideInAPackage("dev.retort.core.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("dev.retort.core.application.port.in..");

    @ArchTest
    static final ArchRule domain_does_not_know_application = noClasses()
            .that().resideInAPackage("dev.retort.core.domain..")
            .should().dependOnClassesThat().resideInAPackage("dev.retort.core.application..");

    @ArchTest
    static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("dev.retort.core.application.port..")
            .should().beInterfaces().orShould().beRecords().orShould().beEnums()
            .because("ports are contracts; behaviour lives in services and adapters");

    @ArchTest
    static final ArchRule dialect_providers_live_in_dialect_modules = classes()
            .that().implement(DialectProvider.class)
            .should().resideInAPackage("dev.retort.dialect..");

    @ArchTest
    static final ArchRule file_ports_are_implemented_by_the_config_adapter = classes()
            .that().implement(ScriptRepository.class).or().implement(TargetSchemaSource.class)
            .should().resideInAPackage("dev.retort.adapter.config..");

    @ArchTest
    static final ArchRule dialects_do_not_depend_on_each_other = slices()
            .matching("dev.retort.dialect.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(
                    com.tngtech.archunit.base.DescribedPredicate.describe("a dialect",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("dev.retort.dialect.")),
                    com.tngtech.archunit.base.DescribedPredicate.describe("the shared jdbc base",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("dev.retort.dialect.jdbc")))
            .because("each dialect builds only on dialect-jdbc");

    @ArchTest
    static final ArchRule dialects_do_not_depend_on_cli_or_config = noClasses()
            .that().resideInAPackage("dev.retort.dialect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.adapter..");

    @ArchTest
    static final ArchRule config_adapter_does_not_depend_on_dialects_or_cli = noClasses()
            .that().resideInAPackage("dev.retort.adapter.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.dialect..", "dev.retort.adapter.cli..");

    @ArchTest
    static final ArchRule only_the_cli_assembles_with_guice = noClasses()
            .that().resideOutsideOfPackage("dev.retort.adapter.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("Guice assembly lives only in cli-adapter");

    @ArchTest
    static final ArchRule only_the_cli_uses_picocli = noClasses()
            .that().resideOutsideOfPackage("dev.retort.adapter.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule jdbc_stays_in_dialects = noClasses()
            .that().resideInAnyPackage("dev.retort.core..", "dev.retort.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jooq..");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.retort.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
