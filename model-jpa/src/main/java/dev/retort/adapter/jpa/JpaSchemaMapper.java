package dev.retort.adapter.jpa;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.PrimaryKeyJoinColumns;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps JPA entity classes to the schema model, reading only jakarta.persistence annotations (and,
 * by name, the few Hibernate ones that change the schema). docs/jpa.md is the mapping table.
 * <p>
 * Two passes: the first builds every entity table with its key and basic columns; the second adds
 * relationships (join columns, join tables, collection tables), which need the tables they point at.
 */
final class JpaSchemaMapper {
    private static final String HIBERNATE = "org.hibernate.annotations.";
    /** Hibernate annotations that change the schema in ways the standard mapping cannot show. */
    private static final List<String> HIBERNATE_DDL = List.of("Type", "JdbcType", "JdbcTypeCode", "Nationalized", "Check", "Checks",
            "Generated", "GeneratedColumn", "ColumnTransformer", "Array", "Struct", "TimeZoneStorage", "TimeZoneColumn", "Index",
            "ForeignKey", "Table", "Tables", "DiscriminatorFormula", "JoinFormula", "SQLRestriction", "ListIndexBase", "CollectionId",
            "SoftDelete", "TenantId");

    private final Naming naming;
    private final Warnings warnings;
    private final TypeMapper types;
    private final Function<Attribute, Map<String, Map<String, Object>>> foreign;
    private final Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    private final List<Runnable> relationships = new ArrayList<>();

    /** @param foreign non-JPA annotations of an attribute, by annotation class name */
    JpaSchemaMapper(Naming naming, Warnings warnings, TypeMapper types, Function<Attribute, Map<String, Map<String, Object>>> foreign) {
        this.naming = naming;
        this.warnings = warnings;
        this.types = types;
        this.foreign = foreign;
    }

    /** @throws ConfigException when two entities claim one table in incompatible ways or keys form a cycle */
    Schema map(List<Class<?>> entityClasses) {
        for (Class<?> c : entityClasses) {
            info(c);
        }
        for (EntityInfo e : List.copyOf(entities.values())) {
            if (e.parent == null) {
                buildHierarchy(e);
            }
        }
        for (Runnable r : relationships) {
            r.run();
        }
        List<Table> out = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            if (!t.isEmpty()) {
                out.add(t.build());
            }
        }
        return new Schema(out);
    }

    // ---- entities -------------------------------------------------------------------------------

    /** What the mapping needs to know of an entity class before its table is built. */
    private static final class EntityInfo {
        Class<?> type;
        String entityName;
        EntityInfo parent;
        EntityInfo root;
        InheritanceType strategy;
        boolean propertyAccess;
        /** The table holding this entity's own columns (a SINGLE_TABLE subclass: its root's). */
        String table;
        List<KeyColumn> key;
        boolean resolvingKey;
        final List<EntityInfo> children = new ArrayList<>();

        String where() {
            return type.getName();
        }
    }

    /** A key column: the name a join column default is formed from, the table's name for it, and its type. */
    private record KeyColumn(String logical, String physical, ColumnType type) {
    }

    /** A resolved join column: where it points and what it is called. */
    private record JoinCol(String logical, String physical, ColumnType type, String referenced, JoinColumn spec) {
    }

    private EntityInfo info(Class<?> type) {
        EntityInfo known = entities.get(type);
        if (known != null || !type.isAnnotationPresent(Entity.class)) {
            return known;
        }
        EntityInfo e = new EntityInfo();
        e.type = type;
        String name = type.getAnnotation(Entity.class).name();
        e.entityName = name.isEmpty() ? type.getSimpleName() : name;
        Class<?> up = type.getSuperclass();
        while (up != null && up != Object.class && !up.isAnnotationPresent(Entity.class)) {
            up = up.getSuperclass();
        }
        e.parent = up == null || up == Object.class ? null : info(up);
        e.root = e.parent == null ? e : e.parent.root;
        if (e.parent != null) {
            e.parent.children.add(e);
        }
        Inheritance inheritance = e.root.type.getAnnotation(Inheritance.class);
        e.strategy = inheritance == null ? InheritanceType.SINGLE_TABLE : inheritance.strategy();
        e.propertyAccess = e.parent == null ? propertyAccess(type) : e.root.propertyAccess;
        jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
        if (e.parent != null && e.strategy == InheritanceType.SINGLE_TABLE) {
            e.table = e.root.table;
            if (table != null) {
                warnings.warn(e.where(), "@Table on a SINGLE_TABLE subclass is ignored; its columns go to " + e.root.table);
            }
        } else {
            e.table = naming.physical(table != null && !table.name().isEmpty() ? table.name() : e.entityName);
        }
        if (table != null && (!table.schema().isEmpty() || !table.catalog().isEmpty())) {
            warnings.warn(e.where(), "@Table(schema/catalog) is ignored: Retort works in the one schema of the connection (schema: in retort.yaml)");
        }
        if (type.isAnnotationPresent(SecondaryTable.class) || type.isAnnotationPresent(SecondaryTables.class)) {
            warnings.warn(e.where(), "@SecondaryTable is not supported: attributes with @Column(table = ...) are left out");
        }
        entities.put(type, e);
        return e;
    }

    /** JPA: explicit {@code @Access}, else where the {@code @Id} or {@code @EmbeddedId} sits; field access by default. */
    private static boolean propertyAccess(Class<?> type) {
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            Access access = k.getAnnotation(Access.class);
            if (access != null) {
                return access.value() == AccessType.PROPERTY;
            }
        }
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) {
                    return false;
                }
            }
            for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The classes whose attributes an entity declares: its mapped superclasses (top first) up to its parent entity, then itself. */
    private static List<Class<?>> ownClasses(EntityInfo e) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> k = e.type; k != null && k != Object.class; k = k.getSuperclass()) {
            if (k != e.type && k.isAnnotationPresent(Entity.class)) {
                break;
            }
            if (k == e.type || k.isAnnotationPresent(MappedSuperclass.class)) {
                out.add(0, k);
            }
        }
        return out;
    }

    private List<Attribute> ownAttributes(EntityInfo e) {
        List<Attribute> out = new ArrayList<>();
        for (Class<?> k : ownClasses(e)) {
            out.addAll(Attribute.declared(k, e.propertyAccess));
        }
        return out;
    }

    /** The key attributes; several ({@code @IdClass}) in the order of their names, as Hibernate orders a composite key. */
    private List<Attribute> idAttributes(EntityInfo e) {
        List<Attribute> out = new ArrayList<>(ownAttributes(e).stream().filter(JpaSchemaMapper::isId).toList());
        out.sort(java.util.Comparator.comparing(Attribute::name));
        return out;
    }

    private static boolean isId(Attribute a) {
        return a.has(Id.class) || a.has(EmbeddedId.class);
    }

    // ---- keys -----------------------------------------------------------------------------------

    private List<KeyColumn> key(EntityInfo e) {
        if (e.key != null) {
            return e.key;
        }
        if (e.resolvingKey) {
            throw new ConfigException("target_metadata jpa: the identifiers of " + e.where() + " derive from each other in a cycle");
        }
        e.resolvingKey = true;
        List<KeyColumn> key = new ArrayList<>();
        if (e.parent != null) {
            List<KeyColumn> parentKey = key(e.parent);
            if (e.strategy == InheritanceType.JOINED) {
                PrimaryKeyJoinColumn[] specs = primaryKeyJoinColumns(e.type);
                for (int i = 0; i < parentKey.size(); i++) {
                    KeyColumn p = parentKey.get(i);
                    String name = i < specs.length && !specs[i].name().isEmpty() ? specs[i].name() : p.logical();
                    key.add(new KeyColumn(name, naming.physical(name), p.type()));
                }
            } else {
                key.addAll(parentKey);
            }
        } else {
            Map<String, jakarta.persistence.Column> overrides = classOverrides(e.type);
            for (Attribute a : idAttributes(e)) {
                if (a.has(ManyToOne.class) || a.has(OneToOne.class)) {
                    EntityInfo target = info(relationTarget(a));
                    if (target == null) {
                        warnings.warn(a.where(), "@Id relationship to " + relationTarget(a).getName() + ", which is not an @Entity; left out");
                        continue;
                    }
                    for (JoinCol j : joinColumns(a, joinColumnSpecs(a), target, a.name())) {
                        key.add(new KeyColumn(j.logical(), j.physical(), j.type()));
                    }
                    continue;
                }
                TableBuilder scratch = new TableBuilder(e.table, e.where());
                attribute(scratch, a, overrides, false, e, true);
                for (Column c : scratch.columns()) {
                    key.add(new KeyColumn(scratch.logicalName(c.name()), c.name(), c.type()));
                }
            }
            if (key.isEmpty()) {
                warnings.warn(e.where(), "no @Id or @EmbeddedId: the table gets no primary key and relationships to it no foreign key");
            }
        }
        e.key = List.copyOf(key);
        e.resolvingKey = false;
        return e.key;
    }

    private static PrimaryKeyJoinColumn[] primaryKeyJoinColumns(Class<?> type) {
        PrimaryKeyJoinColumns many = type.getAnnotation(PrimaryKeyJoinColumns.class);
        if (many != null) {
            return many.value();
        }
        PrimaryKeyJoinColumn[] one = type.getAnnotationsByType(PrimaryKeyJoinColumn.class);
        return one;
    }

    // ---- tables ---------------------------------------------------------------------------------

    private TableBuilder table(String name, String source) {
        TableBuilder t = tables.get(name);
        if (t == null) {
            t = new TableBuilder(name, source);
            tables.put(name, t);
        } else if (!t.source.equals(source)) {
            warnings.warn(source, "table " + name + " is also mapped by " + t.source + "; their columns are merged");
        }
        return t;
    }

    private void buildHierarchy(EntityInfo root) {
        if (root.strategy == InheritanceType.TABLE_PER_CLASS) {
            buildTablePerClass(root, new ArrayList<>());
            return;
        }
        TableBuilder t = table(root.table, root.where());
        tableAnnotations(t, root);
        key(root);
        Map<String, jakarta.persistence.Column> overrides = classOverrides(root.type);
        List<Attribute> attributes = ownAttributes(root);
        for (Attribute a : attributes) {
            if (isId(a)) {
                attribute(t, a, overrides, false, root, true);
            }
        }
        discriminator(t, root);
        for (Attribute a : attributes) {
            if (!isId(a)) {
                attribute(t, a, overrides, false, root, false);
            }
        }
        t.primaryKey(root.key.stream().map(KeyColumn::physical).toList());
        for (EntityInfo child : root.children) {
            buildSubclass(child, t);
        }
    }

    private void buildSubclass(EntityInfo e, TableBuilder rootTable) {
        TableBuilder t;
        boolean singleTable = e.strategy == InheritanceType.SINGLE_TABLE;
        if (singleTable) {
            t = rootTable;
        } else {
            t = table(e.table, e.where());
            tableAnnotations(t, e);
            List<KeyColumn> key = key(e);
            for (KeyColumn k : key) {
                t.add(k.logical(), new Column(k.physical(), k.type(), false, null, false, null), e.where(), warnings);
            }
            t.primaryKey(key.stream().map(KeyColumn::physical).toList());
            List<KeyColumn> parentKey = key(e.parent);
            if (!key.isEmpty()) {
                PrimaryKeyJoinColumn[] specs = primaryKeyJoinColumns(e.type);
                jakarta.persistence.ForeignKey fk = specs.length == 0 ? null : specs[0].foreignKey();
                if (fk == null || fk.value() != ConstraintMode.NO_CONSTRAINT) {
                    t.foreignKey(new ForeignKey(fk == null ? null : fk.name(), key.stream().map(KeyColumn::physical).toList(), e.parent.table,
                            parentKey.stream().map(KeyColumn::physical).toList(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
                }
            }
        }
        Map<String, jakarta.persistence.Column> overrides = classOverrides(e.type);
        for (Attribute a : ownAttributes(e)) {
            if (isId(a)) {
                warnings.warn(a.where(), "@Id in a subclass entity is ignored; the key is the root entity's");
                continue;
            }
            attribute(t, a, overrides, singleTable, e, false);
        }
        for (EntityInfo child : e.children) {
            buildSubclass(child, rootTable);
        }
    }

    private void buildTablePerClass(EntityInfo e, List<EntityInfo> above) {
        List<EntityInfo> chain = new ArrayList<>(above);
        chain.add(e);
        if (!java.lang.reflect.Modifier.isAbstract(e.type.getModifiers())) {
            TableBuilder t = table(e.table, e.where());
            tableAnnotations(t, e);
            key(e.root);
            for (boolean ids : new boolean[] {true, false}) {
                for (EntityInfo level : chain) {
                    Map<String, jakarta.persistence.Column> overrides = classOverrides(e.type);
                    for (Attribute a : ownAttributes(level)) {
                        if (isId(a) == ids) {
                            attribute(t, a, overrides, false, e, ids);
                        }
                    }
                }
            }
            t.primaryKey(e.root.key.stream().map(KeyColumn::physical).toList());
        }
        for (EntityInfo child : e.children) {
            buildTablePerClass(child, chain);
        }
    }

    private void tableAnnotations(TableBuilder t, EntityInfo e) {
        jakarta.persistence.Table table = e.type.getAnnotation(jakarta.persistence.Table.class);
        if (table == null) {
            return;
        }
        relationships.add(() -> {
            for (jakarta.persistence.UniqueConstraint u : table.uniqueConstraints()) {
                List<String> cols = resolveAll(t, List.of(u.columnNames()), e.where(), "@UniqueConstraint");
                if (cols != null) {
                    t.unique(u.name(), cols);
                }
            }
            for (jakarta.persistence.Index i : table.indexes()) {
                List<String> names = new ArrayList<>();
                for (String part : i.columnList().split(",")) {
                    String p = part.strip();
                    String upper = p.toUpperCase(Locale.ROOT);
                    if (upper.endsWith(" DESC")) {
                        warnings.warn(e.where(), "@Index " + i.name() + ": descending order of " + p + " is not kept (the model has no column order)");
                    }
                    if (upper.endsWith(" ASC") || upper.endsWith(" DESC")) {
                        p = p.substring(0, p.lastIndexOf(' ')).strip();
                    }
                    names.add(p);
                }
                List<String> cols = resolveAll(t, names, e.where(), "@Index " + i.name());
                if (cols != null) {
                    t.index(i.name(), cols, i.unique());
                }
            }
            for (jakarta.persistence.CheckConstraint c : table.check()) {
                t.check(new CheckConstraint(c.name().isEmpty() ? null : c.name(), c.constraint()));
            }
        });
        if (!table.comment().isEmpty()) {
            t.comment(table.comment());
        }
    }

    private List<String> resolveAll(TableBuilder t, List<String> names, String where, String what) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String physical = t.resolve(n);
            if (physical == null) {
                physical = t.resolve(naming.physical(n));
            }
            if (physical == null) {
                warnings.warn(where, what + " names column " + n + ", which table " + t.name + " does not have; the constraint is left out");
                return null;
            }
            out.add(physical);
        }
        return out;
    }

    private void discriminator(TableBuilder t, EntityInfo root) {
        DiscriminatorColumn d = root.type.getAnnotation(DiscriminatorColumn.class);
        boolean needed = root.strategy == InheritanceType.SINGLE_TABLE
                ? d != null || !root.children.isEmpty() || root.type.isAnnotationPresent(DiscriminatorValue.class)
                : d != null;
        if (!needed) {
            return;
        }
        String logical = d == null || d.name().isEmpty() ? "DTYPE" : d.name();
        ColumnType type;
        if (d != null && !d.columnDefinition().isBlank()) {
            type = ColumnType.parse(d.columnDefinition());
        } else if (d != null && d.discriminatorType() == DiscriminatorType.CHAR) {
            type = new ColumnType(ColumnType.Kind.CHAR, 1, null, null, List.of(), null);
        } else if (d != null && d.discriminatorType() == DiscriminatorType.INTEGER) {
            type = ColumnType.of(ColumnType.Kind.INTEGER);
        } else {
            type = ColumnType.varchar(d == null ? 31 : d.length());
        }
        t.add(logical, new Column(naming.physical(logical), type, false, null, false, null), root.where(), warnings);
    }

    // ---- attributes -----------------------------------------------------------------------------

    /** {@code @AttributeOverride}s on an entity class, for attributes of its mapped superclasses. */
    private static Map<String, jakarta.persistence.Column> classOverrides(Class<?> type) {
        Map<String, jakarta.persistence.Column> out = new HashMap<>();
        AttributeOverrides many = type.getAnnotation(AttributeOverrides.class);
        if (many != null) {
            for (AttributeOverride o : many.value()) {
                out.put(o.name(), o.column());
            }
        }
        for (AttributeOverride o : type.getAnnotationsByType(AttributeOverride.class)) {
            out.put(o.name(), o.column());
        }
        return out;
    }

    /**
     * Maps one attribute into {@code t}.
     *
     * @param overrides      column overrides by attribute path, relative to the attribute's class
     * @param forcedNullable a SINGLE_TABLE subclass attribute: nullable whatever it says
     * @param asKey          part of the primary key: not null
     */
    private void attribute(TableBuilder t, Attribute a, Map<String, jakarta.persistence.Column> overrides, boolean forcedNullable,
                           EntityInfo owner, boolean asKey) {
        Map<String, Map<String, Object>> other = foreign.apply(a);
        if (other.containsKey(HIBERNATE + "Formula")) {
            return;
        }
        for (String name : other.keySet()) {
            if (name.startsWith(HIBERNATE) && HIBERNATE_DDL.contains(name.substring(HIBERNATE.length()))) {
                warnings.warn(a.where(), "@" + name.substring(HIBERNATE.length()) + " (Hibernate) is not read; the column follows the standard JPA mapping");
            }
        }
        jakarta.persistence.Column column = overrides.getOrDefault(a.name(), a.get(jakarta.persistence.Column.class));
        if (column != null && !column.table().isEmpty() && !naming.physical(column.table()).equals(t.name)) {
            warnings.warn(a.where(), "@Column(table = \"" + column.table() + "\") names a secondary table, which is not supported; left out");
            return;
        }
        if (a.has(AssociationOverride.class) || a.has(AssociationOverrides.class)) {
            warnings.warn(a.where(), "@AssociationOverride is not supported; the join columns keep their own names");
        }
        if (a.has(ManyToOne.class) || a.has(OneToOne.class)) {
            OneToOne oneToOne = a.get(OneToOne.class);
            if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
                return;
            }
            if (a.has(MapsId.class)) {
                warnings.warn(a.where(), "@MapsId is not supported: the relationship gets join columns of its own beside the key columns");
            }
            if (oneToOne != null && (a.has(PrimaryKeyJoinColumn.class) || a.has(PrimaryKeyJoinColumns.class))) {
                warnings.warn(a.where(), "a one-to-one over the primary key (@PrimaryKeyJoinColumn) gets no column and no foreign key");
                return;
            }
            if (asKey) {
                EntityInfo target = info(relationTarget(a));
                if (target != null) {
                    addJoinColumns(t, a, joinColumns(a, joinColumnSpecs(a), target, a.name()), target, false, false, true, oneToOne != null, other);
                }
            } else {
                relationships.add(() -> {
                    EntityInfo target = info(relationTarget(a));
                    if (target == null) {
                        warnings.warn(a.where(), "relationship to " + relationTarget(a).getName() + ", which is not an @Entity; left out");
                        return;
                    }
                    boolean optional = a.has(ManyToOne.class) ? a.get(ManyToOne.class).optional() : oneToOne.optional();
                    addJoinColumns(t, a, joinColumns(a, joinColumnSpecs(a), target, a.name()), target, optional, forcedNullable, false,
                            oneToOne != null, other);
                });
            }
            return;
        }
        if (a.has(OneToMany.class)) {
            OneToMany oneToMany = a.get(OneToMany.class);
            if (oneToMany.mappedBy().isEmpty()) {
                relationships.add(() -> oneToMany(a, owner, oneToMany.targetEntity()));
            }
            return;
        }
        if (a.has(ManyToMany.class)) {
            ManyToMany manyToMany = a.get(ManyToMany.class);
            if (manyToMany.mappedBy().isEmpty()) {
                relationships.add(() -> joinTable(a, owner, manyToMany.targetEntity(), false));
            }
            return;
        }
        if (a.has(ElementCollection.class)) {
            relationships.add(() -> elementCollection(a, owner));
            return;
        }
        if (a.has(Embedded.class) || a.has(EmbeddedId.class) || a.type().isAnnotationPresent(Embeddable.class)) {
            embedded(t, a, overrides, forcedNullable, owner, asKey);
            return;
        }
        if (a.isCollection()) {
            warnings.warn(a.where(), "a collection without @OneToMany, @ManyToMany or @ElementCollection; left out");
            return;
        }
        basic(t, a, column, forcedNullable, asKey, other);
    }

    private void basic(TableBuilder t, Attribute a, jakarta.persistence.Column column, boolean forcedNullable, boolean asKey,
                       Map<String, Map<String, Object>> other) {
        ColumnType type = types.map(a, a.type(), column);
        if (type == null) {
            return;
        }
        String logical = column != null && !column.name().isEmpty() ? column.name() : a.name();
        Basic basic = a.get(Basic.class);
        boolean nullable = !a.type().isPrimitive() && (column == null || column.nullable()) && (basic == null || basic.optional())
                && !notNullByValidation(other);
        if (asKey || a.has(Version.class) && !forcedNullable) {
            nullable = false;
        } else if (forcedNullable) {
            nullable = true;
        }
        boolean autoincrement = false;
        GeneratedValue generated = a.get(GeneratedValue.class);
        if (asKey && generated != null) {
            autoincrement = generation(a, generated, type);
        }
        String physical = naming.physical(logical);
        String defaultValue = other.containsKey(HIBERNATE + "ColumnDefault") ? String.valueOf(other.get(HIBERNATE + "ColumnDefault").get("value")) : null;
        String comment = column != null && !column.comment().isEmpty() ? column.comment() : null;
        t.add(logical, new Column(physical, type, nullable, defaultValue, autoincrement, comment), a.where(), warnings);
        if (column != null && column.unique() && !asKey) {
            t.unique(null, List.of(physical));
        }
        if (other.containsKey(HIBERNATE + "NaturalId")) {
            t.unique(null, List.of(physical));
        }
        if (column != null) {
            for (jakarta.persistence.CheckConstraint c : column.check()) {
                t.check(new CheckConstraint(c.name().isEmpty() ? null : c.name(), c.constraint()));
            }
        }
    }

    /** Hibernate makes these NOT NULL in its DDL when Bean Validation is on the class path, as in Spring Boot. */
    private static boolean notNullByValidation(Map<String, Map<String, Object>> other) {
        return other.containsKey("jakarta.validation.constraints.NotNull") || other.containsKey("jakarta.validation.constraints.NotEmpty")
                || other.containsKey("jakarta.validation.constraints.NotBlank");
    }

    /** @return whether the key column is autoincrement */
    private boolean generation(Attribute a, GeneratedValue generated, ColumnType type) {
        GenerationType strategy = generated.strategy();
        if (strategy == GenerationType.IDENTITY) {
            return true;
        }
        if (strategy == GenerationType.UUID || type.kind() == ColumnType.Kind.UUID) {
            return false;
        }
        String what = switch (strategy) {
            case TABLE -> "a generator table (hibernate_sequences)";
            case SEQUENCE -> "a database sequence";
            default -> "a database sequence (or, on MySQL, a table emulating one)";
        };
        warnings.warn(a.where(), "@GeneratedValue(strategy = " + strategy + ") makes Hibernate draw ids from " + what
                + ", which the schema model does not hold: the column is a plain " + type
                + "; create it with an sql operation in a revision, or use GenerationType.IDENTITY");
        return false;
    }

    private void embedded(TableBuilder t, Attribute a, Map<String, jakarta.persistence.Column> overrides, boolean forcedNullable,
                          EntityInfo owner, boolean asKey) {
        Class<?> type = a.type();
        if (!type.isAnnotationPresent(Embeddable.class)) {
            warnings.warn(a.where(), type.getName() + " is embedded but not annotated @Embeddable; mapped as one all the same");
        }
        Map<String, jakarta.persistence.Column> inner = new HashMap<>();
        AttributeOverrides many = a.get(AttributeOverrides.class);
        if (many != null) {
            for (AttributeOverride o : many.value()) {
                inner.put(o.name(), o.column());
            }
        }
        for (AttributeOverride o : a.element().getAnnotationsByType(AttributeOverride.class)) {
            inner.put(o.name(), o.column());
        }
        String prefix = a.name() + ".";
        for (Map.Entry<String, jakarta.persistence.Column> e : overrides.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                inner.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        Access access = type.getAnnotation(Access.class);
        boolean propertyAccess = access != null ? access.value() == AccessType.PROPERTY : owner.propertyAccess;
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            if (k == type || k.isAnnotationPresent(MappedSuperclass.class) || k.isAnnotationPresent(Embeddable.class)) {
                classes.add(0, k);
            }
        }
        List<Attribute> inside = new ArrayList<>();
        for (Class<?> k : classes) {
            inside.addAll(Attribute.declared(k, propertyAccess));
        }
        if (asKey) {
            inside.sort(java.util.Comparator.comparing(Attribute::name));
        }
        for (Attribute i : inside) {
            attribute(t, i, inner, forcedNullable, owner, asKey);
        }
    }

    // ---- relationships --------------------------------------------------------------------------

    private static Class<?> relationTarget(Attribute a) {
        ManyToOne m = a.get(ManyToOne.class);
        if (m != null && m.targetEntity() != void.class) {
            return m.targetEntity();
        }
        OneToOne o = a.get(OneToOne.class);
        if (o != null && o.targetEntity() != void.class) {
            return o.targetEntity();
        }
        return a.type();
    }

    private static JoinColumn[] joinColumnSpecs(Attribute a) {
        JoinColumns many = a.get(JoinColumns.class);
        if (many != null) {
            return many.value();
        }
        return a.element().getAnnotationsByType(JoinColumn.class);
    }

    /**
     * The join columns pointing at {@code target}'s key (or at the columns the specs name), named
     * by the specs or, by default, {@code <prefix>_<referenced column>}.
     */
    private List<JoinCol> joinColumns(Attribute a, JoinColumn[] specs, EntityInfo target, String prefix) {
        List<KeyColumn> key = key(target);
        List<JoinCol> out = new ArrayList<>();
        if (specs.length == 0) {
            for (KeyColumn k : key) {
                String logical = prefix + "_" + k.logical();
                out.add(new JoinCol(logical, naming.physical(logical), k.type(), k.physical(), null));
            }
            return out;
        }
        if (specs.length != key.size() && specs.length > 1) {
            boolean named = java.util.Arrays.stream(specs).allMatch(s -> !s.referencedColumnName().isEmpty());
            if (!named) {
                warnings.warn(a.where(), specs.length + " join columns for a key of " + key.size() + " columns; the join columns are left out");
                return List.of();
            }
        }
        for (int i = 0; i < specs.length; i++) {
            JoinColumn s = specs[i];
            KeyColumn ref = null;
            if (!s.referencedColumnName().isEmpty()) {
                ref = referenced(target, s.referencedColumnName());
                if (ref == null) {
                    warnings.warn(a.where(), "referencedColumnName " + s.referencedColumnName() + " is not a column of " + target.table
                            + "; the join column is left out");
                    continue;
                }
            } else if (i < key.size()) {
                ref = key.get(i);
            } else {
                continue;
            }
            String logical = s.name().isEmpty() ? prefix + "_" + ref.logical() : s.name();
            ColumnType type = ref.type();
            if (!s.columnDefinition().isBlank()) {
                type = ColumnType.parse(s.columnDefinition());
            }
            out.add(new JoinCol(logical, naming.physical(logical), type, ref.physical(), s));
        }
        List<String> keyOrder = key.stream().map(KeyColumn::physical).toList();
        if (out.stream().allMatch(j -> keyOrder.contains(j.referenced()))) {
            out.sort(java.util.Comparator.comparingInt(j -> keyOrder.indexOf(j.referenced())));
        }
        return out;
    }

    private KeyColumn referenced(EntityInfo target, String name) {
        for (KeyColumn k : key(target)) {
            if (k.physical().equals(name) || k.logical().equals(name) || k.physical().equals(naming.physical(name))) {
                return k;
            }
        }
        TableBuilder t = tables.get(target.table);
        if (t != null) {
            String physical = t.resolve(name);
            if (physical == null) {
                physical = t.resolve(naming.physical(name));
            }
            if (physical != null) {
                return new KeyColumn(t.logicalName(physical), physical, t.column(physical).type());
            }
        }
        return null;
    }

    /**
     * @param optional       the relationship may be absent ({@code optional = true})
     * @param forcedNullable a SINGLE_TABLE subclass's columns are nullable whatever they say
     */
    private void addJoinColumns(TableBuilder t, Attribute a, List<JoinCol> cols, EntityInfo target, boolean optional, boolean forcedNullable,
                                boolean asKey, boolean unique, Map<String, Map<String, Object>> other) {
        if (cols.isEmpty() || target == null) {
            return;
        }
        for (JoinCol j : cols) {
            boolean nullable = !asKey && (forcedNullable || optional && (j.spec() == null || j.spec().nullable()));
            t.add(j.logical(), new Column(j.physical(), j.type(), nullable, null, false, null), a.where(), warnings);
        }
        List<String> names = cols.stream().map(JoinCol::physical).toList();
        if (unique || cols.stream().anyMatch(j -> j.spec() != null && j.spec().unique())) {
            if (!asKey) {
                t.unique(null, names);
            }
        }
        jakarta.persistence.ForeignKey fk = foreignKeyOf(a, cols);
        if (fk != null && fk.value() == ConstraintMode.NO_CONSTRAINT) {
            return;
        }
        if (target.strategy == InheritanceType.TABLE_PER_CLASS && java.lang.reflect.Modifier.isAbstract(target.type.getModifiers())) {
            warnings.warn(a.where(), "refers to " + target.where() + ", a TABLE_PER_CLASS root with no table of its own; no foreign key");
            return;
        }
        t.foreignKey(new ForeignKey(fk == null || fk.name().isEmpty() ? null : fk.name(), names, target.table,
                cols.stream().map(JoinCol::referenced).toList(), onDelete(other), ReferentialAction.NO_ACTION));
    }

    private static jakarta.persistence.ForeignKey foreignKeyOf(Attribute a, List<JoinCol> cols) {
        JoinColumns many = a.get(JoinColumns.class);
        if (many != null) {
            return many.foreignKey();
        }
        return cols.isEmpty() || cols.get(0).spec() == null ? null : cols.get(0).spec().foreignKey();
    }

    private static ReferentialAction onDelete(Map<String, Map<String, Object>> other) {
        Map<String, Object> onDelete = other.get(HIBERNATE + "OnDelete");
        if (onDelete == null) {
            return ReferentialAction.NO_ACTION;
        }
        Object action = onDelete.get("action");
        String text = action == null ? "NO_ACTION" : action.toString();
        text = text.substring(text.lastIndexOf('.') + 1);
        return switch (text) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET_NULL" -> ReferentialAction.SET_NULL;
            case "SET_DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private Class<?> collectionTarget(Attribute a, Class<?> declared) {
        if (declared != null && declared != void.class) {
            return declared;
        }
        return a.elementType();
    }

    private void oneToMany(Attribute a, EntityInfo owner, Class<?> declaredTarget) {
        Class<?> targetClass = collectionTarget(a, declaredTarget);
        EntityInfo target = targetClass == null ? null : info(targetClass);
        if (target == null) {
            warnings.warn(a.where(), "@OneToMany target " + (targetClass == null ? "(no element type)" : targetClass.getName())
                    + " is not an @Entity; left out");
            return;
        }
        JoinColumn[] specs = joinColumnSpecs(a);
        if (specs.length == 0 && !a.has(JoinColumns.class)) {
            joinTable(a, owner, declaredTarget, true);
            return;
        }
        // A unidirectional one-to-many over a foreign key in the target's table.
        TableBuilder t = tables.get(target.table);
        List<JoinCol> cols = joinColumns(a, specs, owner, a.name());
        addJoinColumns(t, a, cols, owner, true, false, false, false, foreign.apply(a));
        OrderColumn order = a.get(OrderColumn.class);
        if (order != null) {
            String logical = order.name().isEmpty() ? a.name() + "_ORDER" : order.name();
            t.add(logical, new Column(naming.physical(logical), ColumnType.of(ColumnType.Kind.INTEGER), true, null, false, null), a.where(), warnings);
        }
    }

    private void joinTable(Attribute a, EntityInfo owner, Class<?> declaredTarget, boolean oneToMany) {
        Class<?> targetClass = collectionTarget(a, declaredTarget);
        EntityInfo target = targetClass == null ? null : info(targetClass);
        if (target == null) {
            warnings.warn(a.where(), (oneToMany ? "@OneToMany" : "@ManyToMany") + " target "
                    + (targetClass == null ? "(no element type)" : targetClass.getName()) + " is not an @Entity; left out");
            return;
        }
        if (a.isMap()) {
            warnings.warn(a.where(), "a Map-valued relationship is mapped without its map key column");
        }
        JoinTable jt = a.get(JoinTable.class);
        String logical = jt != null && !jt.name().isEmpty() ? jt.name() : naming.implicitJoinTable(owner.table, target.table, a.name());
        TableBuilder t = table(naming.physical(logical), a.where());
        String ownerPrefix = inverseAttribute(target, a.name(), owner);
        List<JoinCol> ownerCols = joinColumns(a, jt == null ? new JoinColumn[0] : jt.joinColumns(), owner, ownerPrefix == null ? owner.entityName : ownerPrefix);
        List<JoinCol> targetCols = joinColumns(a, jt == null ? new JoinColumn[0] : jt.inverseJoinColumns(), target, a.name());
        for (JoinCol j : ownerCols) {
            t.add(j.logical(), new Column(j.physical(), j.type(), false, null, false, null), a.where(), warnings);
        }
        for (JoinCol j : targetCols) {
            t.add(j.logical(), new Column(j.physical(), j.type(), false, null, false, null), a.where(), warnings);
        }
        List<String> key = new ArrayList<>(ownerCols.stream().map(JoinCol::physical).toList());
        OrderColumn order = a.get(OrderColumn.class);
        if (order != null) {
            String orderLogical = order.name().isEmpty() ? a.name() + "_ORDER" : order.name();
            String orderPhysical = naming.physical(orderLogical);
            t.add(orderLogical, new Column(orderPhysical, ColumnType.of(ColumnType.Kind.INTEGER), false, null, false, null), a.where(), warnings);
            key.add(orderPhysical);
            t.primaryKey(key);
        } else if (a.isSet()) {
            // Hibernate's order: the element's columns, then the owner's.
            List<String> setKey = new ArrayList<>(targetCols.stream().map(JoinCol::physical).toList());
            setKey.addAll(key);
            t.primaryKey(setKey);
        }
        if (oneToMany) {
            t.unique(null, targetCols.stream().map(JoinCol::physical).toList());
        }
        jakarta.persistence.ForeignKey ownerFk = jt == null ? null : jt.foreignKey();
        jakarta.persistence.ForeignKey targetFk = jt == null ? null : jt.inverseForeignKey();
        if (ownerFk == null || ownerFk.value() != ConstraintMode.NO_CONSTRAINT) {
            t.foreignKey(new ForeignKey(ownerFk == null || ownerFk.name().isEmpty() ? null : ownerFk.name(), ownerCols.stream().map(JoinCol::physical).toList(),
                    owner.table, ownerCols.stream().map(JoinCol::referenced).toList(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        }
        if (targetFk == null || targetFk.value() != ConstraintMode.NO_CONSTRAINT) {
            t.foreignKey(new ForeignKey(targetFk == null || targetFk.name().isEmpty() ? null : targetFk.name(), targetCols.stream().map(JoinCol::physical).toList(),
                    target.table, targetCols.stream().map(JoinCol::referenced).toList(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        }
        if (jt != null) {
            for (jakarta.persistence.UniqueConstraint u : jt.uniqueConstraints()) {
                List<String> cols = resolveAll(t, List.of(u.columnNames()), a.where(), "@JoinTable @UniqueConstraint");
                if (cols != null) {
                    t.unique(u.name(), cols);
                }
            }
            for (jakarta.persistence.Index i : jt.indexes()) {
                List<String> cols = resolveAll(t, List.of(i.columnList().split("\\s*,\\s*")), a.where(), "@JoinTable @Index");
                if (cols != null) {
                    t.index(i.name(), cols, i.unique());
                }
            }
        }
    }

    /** @return the name of the target's attribute mapped by {@code attribute} (a bidirectional relationship), or null */
    private String inverseAttribute(EntityInfo target, String attribute, EntityInfo owner) {
        for (EntityInfo e = target; e != null; e = e.parent) {
            for (Attribute b : ownAttributes(e)) {
                ManyToMany m = b.get(ManyToMany.class);
                OneToMany o = b.get(OneToMany.class);
                String mappedBy = m != null ? m.mappedBy() : o != null ? o.mappedBy() : "";
                Class<?> element = b.elementType();
                if (attribute.equals(mappedBy) && (element == null || element.isAssignableFrom(owner.type))) {
                    return b.name();
                }
            }
        }
        return null;
    }

    private void elementCollection(Attribute a, EntityInfo owner) {
        if (a.isMap()) {
            warnings.warn(a.where(), "a Map-valued @ElementCollection is not supported; left out");
            return;
        }
        Class<?> element = a.get(ElementCollection.class).targetClass();
        if (element == void.class) {
            element = a.elementType();
        }
        if (element == null) {
            warnings.warn(a.where(), "@ElementCollection without an element type (raw collection); left out");
            return;
        }
        CollectionTable ct = a.get(CollectionTable.class);
        String logical = ct != null && !ct.name().isEmpty() ? ct.name() : owner.entityName + "_" + a.name();
        TableBuilder t = table(naming.physical(logical), a.where());
        List<JoinCol> ownerCols = joinColumns(a, ct == null ? new JoinColumn[0] : ct.joinColumns(), owner, owner.entityName);
        for (JoinCol j : ownerCols) {
            t.add(j.logical(), new Column(j.physical(), j.type(), false, null, false, null), a.where(), warnings);
        }
        int before = t.columns().size();
        if (element.isAnnotationPresent(Embeddable.class)) {
            Attribute asEmbedded = new Attribute(a.declaringClass(), a.name(), element, element, a.element(), a.memberName(), a.field());
            embedded(t, asEmbedded, Map.of(), false, owner, false);
        } else {
            jakarta.persistence.Column column = a.get(jakarta.persistence.Column.class);
            ColumnType type = types.map(a, element, column);
            if (type == null) {
                return;
            }
            String valueLogical = column != null && !column.name().isEmpty() ? column.name() : a.name();
            boolean nullable = column == null || column.nullable();
            t.add(valueLogical, new Column(naming.physical(valueLogical), type, nullable, null, false, null), a.where(), warnings);
        }
        List<String> valueCols = t.columns().subList(before, t.columns().size()).stream().map(Column::name).toList();
        OrderColumn order = a.get(OrderColumn.class);
        List<String> key = new ArrayList<>(ownerCols.stream().map(JoinCol::physical).toList());
        if (order != null) {
            String orderLogical = order.name().isEmpty() ? a.name() + "_ORDER" : order.name();
            t.add(orderLogical, new Column(naming.physical(orderLogical), ColumnType.of(ColumnType.Kind.INTEGER), false, null, false, null), a.where(), warnings);
            key.add(naming.physical(orderLogical));
            t.primaryKey(key);
        } else if (a.isSet()) {
            // Hibernate keeps a set's rows distinct with a unique constraint, not a key: the value may be null.
            key.addAll(valueCols);
            t.unique(null, key);
        }
        jakarta.persistence.ForeignKey fk = ct == null ? null : ct.foreignKey();
        if (fk == null || fk.value() != ConstraintMode.NO_CONSTRAINT) {
            t.foreignKey(new ForeignKey(fk == null || fk.name().isEmpty() ? null : fk.name(), ownerCols.stream().map(JoinCol::physical).toList(),
                    owner.table, ownerCols.stream().map(JoinCol::referenced).toList(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
        }
    }
}
