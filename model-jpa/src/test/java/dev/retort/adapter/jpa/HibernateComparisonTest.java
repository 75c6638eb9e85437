package dev.retort.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The petclinic entities created twice, in two fresh databases of one server: by Retort
 * (autogenerate and upgrade) and by Hibernate's own schema generation. Retort's inspector reads
 * both; after the dialect's normalizer they must differ in exactly the deliberate differences
 * listed in docs/jpa.md ("Differences from Hibernate"), no more and no fewer.
 */
class HibernateComparisonTest {
    @TempDir
    Path dir;

    /** docs/jpa.md, "Differences from Hibernate", on every database. */
    static final List<String> EVERYWHERE = List.of(
            // A primitive with @Column: Hibernate takes nullable from @Column; Retort from the Java type.
            "appointments.sequence_no: nullable retort=false hibernate=true",
            "appointments.weight_kg: nullable retort=false hibernate=true",
            // @Column(nullable = false) in a SINGLE_TABLE subclass: Hibernate 7 keeps NOT NULL, so sibling rows cannot be stored.
            "treatments.vaccine: nullable retort=true hibernate=false");

    /** docs/jpa.md, PostgreSQL. */
    static final List<String> POSTGRES = sorted(EVERYWHERE, List.of(
            // @Lob: Hibernate uses large objects (oid); Retort text and bytea.
            "pets.history: type retort=text hibernate=oid",
            "pets.photo: type retort=blob hibernate=oid",
            // @Enumerated(STRING): Retort a PostgreSQL enum type; Hibernate varchar(length) with a check.
            "pets.sex: type retort=enum('FEMALE','MALE','UNKNOWN') hibernate=varchar(10)"));

    /** docs/jpa.md, MariaDB: where Retort's MySQL dialect stores a portable type differently from Hibernate's MariaDB dialect. */
    static final List<String> MARIADB = sorted(EVERYWHERE, List.of(
            "appointments.confirmed_at: type retort=timestamptz(6) hibernate=timestamp(6)",
            "appointments.id: type retort=char(36) hibernate=binary(16)",
            "appointments.reminder_at: type retort=timestamptz(6) hibernate=timestamp(6)",
            "appointments.urgent: type retort=boolean hibernate=bit(1)",
            "payments.paid_at: type retort=timestamptz(6) hibernate=timestamp(6)",
            "pets.history: type retort=text hibernate=longtext",
            "pets.neutered: type retort=boolean hibernate=bit(1)",
            "pets.photo: type retort=blob hibernate=longblob",
            "visits.created_at: type retort=timestamptz(6) hibernate=timestamp(6)",
            "visits.status: type retort=smallint hibernate=tinyint"));

    private static List<String> sorted(List<String> a, List<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @Test
    void postgres_with_jpa_naming() throws Exception {
        compare("postgres", Map.of("identifier_case", "lower"), false, POSTGRES);
    }

    @Test
    void postgres_with_spring_boot_naming() throws Exception {
        compare("postgres", Map.of("naming", "snake_case"), true, POSTGRES);
    }

    @Test
    void mariadb_with_jpa_naming() throws Exception {
        compare("mysql", Map.of(), false, MARIADB);
    }

    private void compare(String kind, Map<String, String> options, boolean snakeCase, List<String> expected) throws Exception {
        List<String> warnings = new ArrayList<>();
        TargetSchemaSource target = new JpaSchemaProvider().open(Petclinic.PACKAGE, Petclinic.context(options, warnings));
        List<Class<?>> entities;
        try (EntityScan scan = EntityScan.open(List.of(Petclinic.PACKAGE), List.of(Petclinic.classes()))) {
            entities = scan.entities();
        }
        try (FreshDatabase byRetort = FreshDatabase.of(kind, dir); FreshDatabase byHibernate = FreshDatabase.of(kind, dir)) {
            if (kind.equals("mysql")) {
                Assumptions.assumeTrue(byHibernate.isMariaDb(), "the documented differences are MariaDB's; this server is MySQL");
            }
            new Pipeline(byRetort, dir.resolve("migrations"), target).autogenerateAndUpgrade("create petclinic");
            Path script = dir.resolve("hibernate-" + kind + ".sql");
            HibernateExport.create(entities, byHibernate.hibernateUrl(), byHibernate.hibernateSettings(), snakeCase, script);

            Schema retort = byRetort.inspectNormalized();
            Schema hibernate = byHibernate.inspectNormalized();
            List<String> differences = SchemaComparison.differences(retort, hibernate);
            Files.write(Path.of("target", "hibernate-differences-" + kind + (snakeCase ? "-snake" : "") + ".txt"), differences);
            assertEquals(expected, differences, () -> "Hibernate ran:\n" + read(script));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no script: " + e + ")";
        }
    }
}
