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

    /**
     * The example H2 dialect (examples/dialect-h2, docs/writing-a-dialect.md) shows that a dialect
     * is written against core's out-ports and domain plus dialect-jdbc, and nothing else of Retort:
     * not the services, the in-ports, another dialect, the API or the CLI. It reaches its driver
     * through {@code java.sql.DriverManager} only, so not even H2's classes appear.
     */
    @ArchTest
    static final ArchRule the_example_dialect_uses_only_core_ports_domain_and_dialect_jdbc = classes()
            .that().resideInAPackage("dev.retort.dialect.h2..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.retort.core.domain..",
                    "dev.retort.core.application.port.out..", "dev.retort.dialect.jdbc..", "dev.retort.dialect.h2..")
            .because("adding a database must need nothing but its own module on top of the ports and the shared JDBC base");

    @ArchTest
    static final ArchRule dialects_do_not_depend_on_cli_or_config = noClasses()
            .that().resideInAPackage("dev.retort.dialect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.adapter..", "dev.retort.api..", "dev.retort.maven..");

    @ArchTest
    static final ArchRule config_adapter_does_not_depend_on_dialects_or_cli = noClasses()
            .that().resideInAPackage("dev.retort.adapter.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.dialect..", "dev.retort.adapter.cli..", "dev.retort.api..",
                    "dev.retort.maven..");

    @ArchTest
    static final ArchRule guice_assembles_only_in_the_api_and_the_cli = noClasses()
            .that().resideOutsideOfPackages("dev.retort.api..", "dev.retort.adapter.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("RetortModule in api is the one assembly, shared by the CLI, the Java API and the Maven plugin; core has plain constructors");

    @ArchTest
    static final ArchRule the_api_knows_no_dialect_cli_or_plugin = noClasses()
            .that().resideInAPackage("dev.retort.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.dialect..", "dev.retort.adapter.cli..", "dev.retort.maven..",
                    "dev.retort.adapter.jpa..", "picocli..", "org.apache.maven..")
            .because("the API finds dialects and model providers at run time, as the CLI does");

    @ArchTest
    static final ArchRule the_api_touches_jdbc_only_to_read_a_data_sources_url = noClasses()
            .that().resideInAPackage("dev.retort.api..").and().doNotHaveSimpleName("DataSourceConnector")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jooq..")
            .because("dialects own the connections; DataSourceConnector only asks a DataSource for its URL");

    @ArchTest
    static final ArchRule the_maven_plugin_goes_through_the_api = noClasses()
            .that().resideInAPackage("dev.retort.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "dev.retort.adapter..", "dev.retort.dialect..",
                    "dev.retort.core.application.service..", "java.sql..", "picocli..")
            .because("goals call the Java API, so the plugin and embedding applications behave the same");

    @ArchTest
    static final ArchRule nothing_depends_on_the_cli_or_the_plugin = noClasses()
            .that().resideOutsideOfPackages("dev.retort.adapter.cli..", "dev.retort.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retort.adapter.cli..", "dev.retort.maven..")
            .because("they are the outermost hosts; shared wiring belongs in api");

    @ArchTest
    static final ArchRule maven_apis_only_in_the_maven_plugin = noClasses()
            .that().resideOutsideOfPackage("dev.retort.maven..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.maven..");
    @ArchTest
    static final ArchRule only_the_cli_uses_picocli = noClasses()
            .that().resideOutsideOfPackage("dev.retort.adapter.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule jdbc_stays_in_dialects = noClasses()
            .that().resideInAnyPackage("dev.retort.core..", "dev.retort.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jooq..");

    @ArchTest
    static final ArchRule jakarta_persistence_only_in_the_jpa_model = noClasses()
            .that().resideOutsideOfPackage("dev.retort.adapter.jpa..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.github.classgraph..", "org.hibernate..")
            .because("core does not know JPA: entities are read only by the model-jpa adapter, and Hibernate is never needed at run time");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.retort.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = noClasses().that().doNotHaveFullyQualifiedName("dev.retort.maven.DriverLogging")
            .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
            .because("Retort reports through its Reporter; the one exception only keeps JDBC drivers' java.util.logging quiet "
                    + "(the PostgreSQL driver would print passwords)");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
