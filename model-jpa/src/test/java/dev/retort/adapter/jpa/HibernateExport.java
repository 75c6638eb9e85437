package dev.retort.adapter.jpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.SessionFactory;

/**
 * Hibernate's own schema generation ({@code jakarta.persistence.schema-generation.database.action=create}) of a set of entity classes into a
 * database, bootstrapped without Spring, as the reference Retort's JPA mapping is compared with.
 */
final class HibernateExport {
    private HibernateExport() {
    }

    /**
     * Spring Boot's {@code SpringImplicitNamingStrategy}: a join table is named after the owning
     * table and the attribute; everything else as JPA says.
     */
    static final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
        private static final long serialVersionUID = 1L;

        @Override
        public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
            String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
            return toIdentifier(name, source.getBuildingContext());
        }
    }

    /**
     * Creates the tables of {@code entities} in the database at {@code url}.
     *
     * @param settings extra Hibernate settings, e.g. {@code hibernate.default_schema}
     * @param snakeCase Spring Boot's naming instead of Hibernate's defaults: its implicit strategy and
     *                  Hibernate's snake-case physical strategy (what {@code CamelCaseToUnderscoresNamingStrategy},
     *                  deprecated in Hibernate 7, now extends)
     * @param script    where the DDL Hibernate ran is written, for reading when a comparison fails
     */
    static void create(List<Class<?>> entities, String url, Map<String, String> settings, boolean snakeCase, Path script) throws Exception {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.connection.pool_size", "1")
                .applySetting("hibernate.show_sql", "false")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "true")
                .applySetting("jakarta.persistence.schema-generation.database.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.create-target", script.toString())
                .applySetting("hibernate.hbm2ddl.halt_on_error", "true");
        Files.deleteIfExists(script);
        settings.forEach(builder::applySetting);
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            MetadataBuilder metadata = sources.getMetadataBuilder();
            if (snakeCase) {
                metadata.applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
                metadata.applyImplicitNamingStrategy(new SpringImplicitNaming());
            }
            Metadata built = metadata.build();
            try (SessionFactory factory = built.buildSessionFactory()) {
                // Building the factory runs the schema generation configured above.
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
