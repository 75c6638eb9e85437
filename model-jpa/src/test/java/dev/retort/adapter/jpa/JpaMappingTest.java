package dev.retort.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The exact model the JPA provider makes of the petclinic entities and of edge cases; its warnings and errors. */
class JpaMappingTest {
    private static final String EDGE = "dev.retort.adapter.jpa.fixtures.edge";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void entities_with_mapped_superclasses_embeddables_and_relationships_map_as_hibernate_creates_them() {
        Schema schema = Petclinic.read(Map.of(), warnings);

        assertEquals("""
                table owners primary key [id]
                  id integer not null autoincrement
                  first_name varchar(30) not null
                  last_name varchar(30) not null
                  street varchar(255)
                  city varchar(80)
                  zip_code varchar(10)
                  country char(2)
                  billing_street varchar(255)
                  billing_city varchar(80)
                  billing_zip varchar(10)
                  billing_country char(2)
                  telephone varchar(20) not null
                  email varchar(255)
                  unique uq_owners_telephone [telephone]
                  unique uq_owners_email [email]
                  index ix_owners_last_name [last_name]
                table pets primary key [id]
                  id integer not null autoincrement
                  name varchar(80) not null
                  birth_date date
                  sex enum('FEMALE','MALE','UNKNOWN')
                  photo blob
                  history text
                  neutered boolean not null
                  type_id integer not null
                  owner_id integer
                  foreign key fk_pets_type_id [type_id] -> types[id]
                  foreign key fk_pets_owner_id [owner_id] -> owners[id]
                table types primary key [id]
                  id integer not null autoincrement
                  name varchar(80) not null
                  unique uq_types_name [name]
                table visits primary key [id]
                  id integer not null autoincrement
                  visit_date date not null
                  time time(0)
                  description varchar(1000)
                  fee decimal(10,2)
                  discount decimal(38,2)
                  status smallint
                  created_at timestamptz(6) not null
                  pet_id integer not null
                  foreign key fk_visits_pet_id [pet_id] -> pets[id]
                """, Render.tables(schema, "owners", "pets", "types", "visits"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void java_types_keys_and_versions_map_to_portable_types() {
        Schema schema = Petclinic.read(Map.of(), warnings);

        assertEquals("""
                table appointments primary key [id]
                  id uuid not null
                  starts_at timestamp(6) not null
                  confirmed_at timestamptz(6)
                  reminder_at timestamptz(6)
                  urgent boolean not null
                  weight_kg double not null
                  temperature real
                  priority smallint not null
                  sequence_no bigint not null
                  notes text
                  version integer not null
                  pet_id integer not null
                  slot_day date
                  slot_vet_id integer
                  foreign key fk_appointments_pet_id [pet_id] -> pets[id]
                  foreign key fk_appointments_slot_day_slot_vet_id [slot_day, slot_vet_id] -> vet_slots[day, vetId]
                table vet_slots primary key [day, vetId]
                  vetId integer not null
                  day date not null
                  capacity integer not null
                table prescriptions primary key [line_no, visit_id]
                  line_no smallint not null
                  visit_id integer not null
                  drug varchar(100) not null
                  dose decimal(8,3)
                table clinic_licenses primary key [number]
                  number varchar(20) not null
                  issuedOn date not null
                  lastChecked timestamp(6)
                """, Render.tables(schema, "appointments", "vet_slots", "prescriptions", "clinic_licenses"));
    }

    @Test
    void inheritance_single_table_and_joined() {
        Schema schema = Petclinic.read(Map.of(), warnings);

        assertEquals("""
                table treatments primary key [id]
                  id integer not null autoincrement
                  DTYPE varchar(31) not null
                  notes varchar(255)
                  durationMinutes integer
                  vaccine varchar(60)
                  boosterDue date
                  visit_id integer not null
                  surgeon_id integer
                  foreign key fk_treatments_visit_id [visit_id] -> visits[id]
                  foreign key fk_treatments_surgeon_id [surgeon_id] -> vets[id]
                table payments primary key [id]
                  id bigint not null autoincrement
                  amount decimal(12,2) not null
                  paid_at timestamptz(6)
                  payer_id integer not null
                  foreign key fk_payments_payer_id [payer_id] -> owners[id]
                table card_payments primary key [payment_id]
                  payment_id bigint not null
                  last_digits varchar(4) not null
                  expiryMonth smallint not null
                  foreign key fk_card_payments_payment_id [payment_id] -> payments[id]
                table cash_payments primary key [id]
                  id bigint not null
                  tendered decimal(38,2)
                  foreign key fk_cash_payments_id [id] -> payments[id]
                """, Render.tables(schema, "treatments", "payments", "card_payments", "cash_payments"));
        assertTrue(schema.table("Vaccination").isEmpty() && schema.table("Treatment").isEmpty());
    }

    @Test
    void join_tables_and_collection_tables_by_default_and_by_annotation() {
        Schema schema = Petclinic.read(Map.of(), warnings);

        assertEquals("""
                table Clinic primary key [id]
                  id bigint not null autoincrement
                  displayName varchar(255)
                  openingYear integer not null
                  roomCount integer
                  license_number varchar(20)
                  unique uq_Clinic_license_number [license_number]
                  foreign key fk_Clinic_license_number [license_number] -> clinic_licenses[number]
                table Clinic_vets primary key [staff_id, Clinic_id]
                  Clinic_id bigint not null
                  staff_id integer not null
                  foreign key fk_Clinic_vets_Clinic_id [Clinic_id] -> Clinic[id]
                  foreign key fk_Clinic_vets_staff_id [staff_id] -> vets[id]
                table vet_specialties primary key [specialty_id, vet_id]
                  vet_id integer not null
                  specialty_id integer not null
                  foreign key fk_vet_specialties_vet_id [vet_id] -> vets[id]
                  foreign key fk_vet_specialties_specialty_id [specialty_id] -> specialties[id]
                table owner_phones
                  owner_id integer not null
                  phone varchar(20)
                  unique uq_owner_phones_owner_id_phone [owner_id, phone]
                  foreign key fk_owner_phones_owner_id [owner_id] -> owners[id]
                table Pet_tags
                  Pet_id integer not null
                  tags varchar(255)
                  foreign key fk_Pet_tags_Pet_id [Pet_id] -> pets[id]
                """, Render.tables(schema, "Clinic", "Clinic_vets", "vet_specialties", "owner_phones", "Pet_tags"));
        assertEquals(19, schema.tables().size(), () -> schema.tableNames().toString());
    }

    @Test
    void snake_case_naming_is_spring_boots() {
        Schema schema = Petclinic.read(Map.of("naming", "snake_case"), warnings);

        assertEquals("""
                table clinic primary key [id]
                  id bigint not null autoincrement
                  display_name varchar(255)
                  opening_year integer not null
                  room_count integer
                  license_number varchar(20)
                  unique uq_clinic_license_number [license_number]
                  foreign key fk_clinic_license_number [license_number] -> clinic_licenses[number]
                table clinic_staff primary key [staff_id, clinic_id]
                  clinic_id bigint not null
                  staff_id integer not null
                  foreign key fk_clinic_staff_clinic_id [clinic_id] -> clinic[id]
                  foreign key fk_clinic_staff_staff_id [staff_id] -> vets[id]
                table pet_tags
                  pet_id integer not null
                  tags varchar(255)
                  foreign key fk_pet_tags_pet_id [pet_id] -> pets[id]
                table vet_slots primary key [day, vet_id]
                  vet_id integer not null
                  day date not null
                  capacity integer not null
                """, Render.tables(schema, "clinic", "clinic_staff", "pet_tags", "vet_slots"));
        assertEquals("dtype", schema.table("treatments").orElseThrow().columns().get(1).name());
    }

    @Test
    void identifier_case_lower_folds_names_as_postgresql_folds_unquoted_ones() {
        Schema schema = Petclinic.read(Map.of("identifier_case", "lower"), warnings);

        assertTrue(schema.hasTable("clinic") && schema.hasTable("clinic_vets") && schema.hasTable("pet_tags"), schema.tableNames()::toString);
        assertEquals(List.of("id", "displayname", "openingyear", "roomcount", "license_number"),
                schema.table("clinic").orElseThrow().columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void property_access_converters_discriminators_and_default_join_names() {
        Schema schema = edge();

        assertEquals("""
                table Account primary key [key]
                  key bigint not null
                  holder varchar(40) not null
                table Entry primary key [id]
                  id bigint not null
                  amount bigint not null
                  account_key bigint
                  foreign key fk_Entry_account_key [account_key] -> Account[key]
                table Shape primary key [id]
                  id integer not null
                  shape_kind integer not null
                  radius double
                table Student_Course primary key [courses_code, students_id]
                  students_id bigint not null
                  courses_code varchar(255) not null
                  foreign key fk_Student_Course_students_id [students_id] -> Student[id]
                  foreign key fk_Student_Course_courses_code [courses_code] -> Course[code]
                table Gadget primary key [id]
                  id bigint not null
                  created timestamp(6)
                  price money
                  opensAt time(0)
                  budget bigint
                  active varchar(255)
                """, Render.tables(schema, "Account", "Entry", "Shape", "Student_Course", "Gadget"));
    }

    @Test
    void every_ambiguous_or_unsupported_mapping_is_a_warning_naming_class_and_attribute() {
        edge();

        String gadget = "jpa model: " + EDGE + ".Gadget";
        assertEquals(List.of(
                gadget + ": @Table(schema/catalog) is ignored: Retort works in the one schema of the connection (schema: in retort.yaml)",
                gadget + ".id: @GeneratedValue(strategy = SEQUENCE) makes Hibernate draw ids from a database sequence, which the schema model "
                        + "does not hold: the column is a plain bigint; create it with an sql operation in a revision, or use GenerationType.IDENTITY",
                gadget + ".created: Date without @Temporal; mapped as TemporalType.TIMESTAMP, as Hibernate does",
                gadget + ".payload: type java.lang.Object has no column mapping (no JPA basic type and no AttributeConverter); "
                        + "the attribute is left out; add @Convert, @Transient or a columnDefinition",
                gadget + ".loose: a collection without @OneToMany, @ManyToMany or @ElementCollection; left out",
                gadget + ".price: columnDefinition 'money' is not a portable type; it is used as the column type as written, "
                        + "so check that the database reads it back the same (retort check)",
                gadget + ".opensAt: OffsetTime has no portable column type; it is mapped to time (Hibernate normalizes it to UTC)",
                gadget + ".attributes: a Map-valued @ElementCollection is not supported; left out"), warnings);
    }

    @Test
    void hibernate_annotations_that_change_the_schema_are_read_by_name() {
        Schema schema = new JpaSchemaProvider().open("dev.retort.adapter.jpa.fixtures.hibernate", new TargetSchemaProvider.Context(Path.of("."),
                List.of(testClasses()), Map.of(), new Petclinic.CollectingReporter(warnings))).load();

        assertEquals("""
                table Invoice primary key [id]
                  id bigint not null
                  number varchar(255)
                  status varchar(255) default 'new'
                  memo varchar(255)
                  customer_id bigint
                  unique uq_Invoice_number [number]
                  foreign key fk_Invoice_customer_id [customer_id] -> Customer[id]
                """, Render.table(schema, "Invoice"));
        assertEquals("CASCADE", schema.table("Invoice").orElseThrow().foreignKeys().get(0).onDelete().name());
        assertEquals(List.of("jpa model: dev.retort.adapter.jpa.fixtures.hibernate.Invoice.memo: @JdbcTypeCode (Hibernate) is not read; "
                + "the column follows the standard JPA mapping"), warnings);
    }

    @Test
    void without_a_reporter_warnings_are_dropped_quietly() {
        TargetSchemaProvider.Context context = new TargetSchemaProvider.Context(Path.of("."), List.of(testClasses()), Map.of(), null);
        assertTrue(new JpaSchemaProvider().open(EDGE, context).load().hasTable("Gadget"));
    }

    @Test
    void several_packages_separated_by_commas_are_read_together() {
        Schema schema = new JpaSchemaProvider().open(" " + EDGE + " , " + Petclinic.PACKAGE,
                new TargetSchemaProvider.Context(Path.of("."), List.of(testClasses(), Petclinic.classes()), Map.of(), null)).load();
        assertTrue(schema.hasTable("Gadget") && schema.hasTable("owners"), schema.tableNames()::toString);
    }

    @Test
    void errors_say_what_is_wrong_and_what_to_do() {
        JpaSchemaProvider provider = new JpaSchemaProvider();
        TargetSchemaProvider.Context context = Petclinic.context(Map.of(), warnings);

        assertEquals("target_metadata jpa:com.example.nothing: no @Entity classes in package com.example.nothing on classpath ["
                        + Petclinic.classes() + "]; check the package names and build the project first",
                assertThrows(ConfigException.class, () -> provider.open("com.example.nothing", context).load()).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> provider.open("dev.retort.adapter.jpa.fixtures.javax",
                        new TargetSchemaProvider.Context(Path.of("."), List.of(testClasses()), Map.of(), null)).load()).getMessage()
                .endsWith("; the classes there use javax.persistence (JPA 2), and Retort reads jakarta.persistence (JPA 3)"));
        assertEquals("target_metadata jpa:com.example/model: 'com.example/model' is not a Java package name; "
                        + "expected jpa:com.example.app.model (several separated by commas)",
                assertThrows(ConfigException.class, () -> provider.open("com.example/model", context)).getMessage());
        assertEquals("target_options: naming: 'camel' is not known; expected one of jpa, snake_case",
                assertThrows(ConfigException.class, () -> provider.open(Petclinic.PACKAGE, Petclinic.context(Map.of("naming", "camel"), warnings)))
                        .getMessage());
        assertEquals("target_options: unknown key 'nameing' for target_metadata jpa:; expected identifier_case, naming",
                assertThrows(ConfigException.class, () -> provider.open(Petclinic.PACKAGE, Petclinic.context(Map.of("nameing", "jpa"), warnings)))
                        .getMessage());
        assertEquals("target_metadata jpa:com.example.app.model needs the compiled entities: add their classes folder or jar to classpath: "
                        + "in retort.yaml, e.g. classpath: [target/classes]",
                assertThrows(ConfigException.class, () -> provider.open("com.example.app.model",
                        new TargetSchemaProvider.Context(Path.of("."), List.of(), Map.of(), null))).getMessage());
        Path missing = Path.of("/nonexistent/classes");
        assertEquals("target_metadata jpa: classpath entry " + missing + " does not exist; build the project first (e.g. mvn compile), "
                        + "or fix classpath: in retort.yaml",
                assertThrows(ConfigException.class, () -> provider.open("com.example.app.model",
                        new TargetSchemaProvider.Context(Path.of("."), List.of(missing), Map.of(), null)).load()).getMessage());
    }

    @Test
    void the_provider_is_found_by_service_loader_under_scheme_jpa() {
        List<String> schemes = new ArrayList<>();
        ServiceLoader.load(TargetSchemaProvider.class).forEach(p -> schemes.add(p.scheme()));
        assertTrue(schemes.contains("jpa"), schemes::toString);
    }

    @Test
    void camel_case_becomes_underscores_as_in_hibernates_strategy() {
        Naming snake = new Naming(new JpaOptions(JpaOptions.NamingStyle.SNAKE_CASE, JpaOptions.IdentifierCase.PRESERVE));
        assertEquals("birth_date", snake.physical("birthDate"));
        assertEquals("htmlcode", snake.physical("HTMLCode"));
        assertEquals("address_street", snake.physical("address.street"));
        assertEquals("line2_text", snake.physical("line2Text"));
        assertEquals("Owner", snake.physical("\"Owner\""));
        assertEquals("Owner", new Naming(JpaOptions.DEFAULT).physical("`Owner`"));
    }

    private Schema edge() {
        return new JpaSchemaProvider().open(EDGE, new TargetSchemaProvider.Context(Path.of("."), List.of(testClasses()), Map.of(),
                new Petclinic.CollectingReporter(warnings))).load();
    }

    private static Path testClasses() {
        try {
            return Path.of(JpaMappingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
