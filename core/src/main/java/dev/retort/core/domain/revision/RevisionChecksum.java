package dev.retort.core.domain.revision;

import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.AlterTable;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.OperationVisitor;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a revision's operations in a canonical text form: what the revision does, not how
 * its file is laid out (comments, key order, quoting and the message do not count). The form is
 * written out field by field, so a new optional field in the model does not change existing
 * checksums as long as it is absent.
 */
public final class RevisionChecksum {
    /**
     * The name of the canonical form, hashed first. Change it with the form: a checksum kept from
     * an earlier run (the header cache) is only used under the same name.
     */
    public static final String FORM = "retort-checksum-v1";

    private RevisionChecksum() {
    }

    /** @return 64 lowercase hex characters */
    public static String of(Revision revision) {
        StringBuilder sb = new StringBuilder(FORM).append("\nupgrade\n");
        append(sb, revision.upgrade());
        sb.append("downgrade\n");
        append(sb, revision.downgrade());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void append(StringBuilder sb, List<Operation> ops) {
        Canonical c = new Canonical();
        for (Operation op : ops) {
            sb.append(op.accept(c)).append('\n');
        }
    }

    private static String q(String s) {
        return s == null ? "~" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String list(List<String> items) {
        return "[" + String.join(",", items.stream().map(RevisionChecksum::q).toList()) + "]";
    }

    static String column(Column c) {
        StringBuilder sb = new StringBuilder("col(").append(q(c.name())).append(',').append(q(c.type().toString()));
        sb.append(c.nullable() ? ",null" : ",notnull");
        if (c.defaultValue() != null) {
            sb.append(",default=").append(q(c.defaultValue()));
        }
        if (c.autoincrement()) {
            sb.append(",autoincrement");
        }
        if (c.comment() != null) {
            sb.append(",comment=").append(q(c.comment()));
        }
        return sb.append(')').toString();
    }

    static String pk(PrimaryKey pk) {
        return pk == null ? "pk(~)" : "pk(" + q(pk.name()) + "," + list(pk.columns()) + ")";
    }

    static String index(Index i) {
        return "index(" + q(i.name()) + "," + list(i.columns()) + (i.unique() ? ",unique" : "") + ")";
    }

    static String unique(UniqueConstraint u) {
        return "unique(" + q(u.name()) + "," + list(u.columns()) + ")";
    }

    static String fk(ForeignKey f) {
        return "fk(" + q(f.name()) + "," + list(f.columns()) + "," + q(f.referencedTable()) + "," + list(f.referencedColumns()) + ","
                + f.onDelete().name() + "," + f.onUpdate().name() + ")";
    }

    static String check(CheckConstraint c) {
        return "check(" + q(c.name()) + "," + q(c.expression()) + ")";
    }

    static String table(Table t) {
        StringBuilder sb = new StringBuilder("table(").append(q(t.name()));
        t.columns().forEach(c -> sb.append(',').append(column(c)));
        sb.append(',').append(pk(t.primaryKey()));
        t.uniqueConstraints().forEach(u -> sb.append(',').append(unique(u)));
        t.indexes().forEach(i -> sb.append(',').append(index(i)));
        t.foreignKeys().forEach(f -> sb.append(',').append(fk(f)));
        t.checks().forEach(c -> sb.append(',').append(check(c)));
        if (t.comment() != null) {
            sb.append(",comment=").append(q(t.comment()));
        }
        return sb.append(')').toString();
    }

    private static final class Canonical implements OperationVisitor<String> {
        @Override
        public String visitCreateTable(CreateTable op) {
            return "create_table " + table(op.definition());
        }

        @Override
        public String visitDropTable(DropTable op) {
            return "drop_table " + q(op.table());
        }

        @Override
        public String visitRenameTable(RenameTable op) {
            return "rename_table " + q(op.table()) + " " + q(op.newName());
        }

        @Override
        public String visitAddColumn(AddColumn op) {
            return "add_column " + q(op.table()) + " " + column(op.column());
        }

        @Override
        public String visitDropColumn(DropColumn op) {
            return "drop_column " + q(op.table()) + " " + q(op.column());
        }

        @Override
        public String visitAlterColumn(AlterColumn op) {
            return "alter_column " + q(op.table()) + " " + q(op.column())
                    + " type=" + (op.type() == null ? "~" : q(op.type().toString()))
                    + " nullable=" + (op.nullable() == null ? "~" : op.nullable())
                    + " default=" + (op.defaultValue() == null ? "~" : "set(" + q(op.defaultValue().value()) + ")")
                    + " comment=" + (op.comment() == null ? "~" : "set(" + q(op.comment().value()) + ")");
        }

        @Override
        public String visitAlterTable(AlterTable op) {
            return "alter_table " + q(op.table()) + " comment=set(" + q(op.comment().value()) + ")";
        }

        @Override
        public String visitRenameColumn(RenameColumn op) {
            return "rename_column " + q(op.table()) + " " + q(op.column()) + " " + q(op.newName());
        }

        @Override
        public String visitCreateIndex(CreateIndex op) {
            return "create_index " + q(op.table()) + " " + index(op.index());
        }

        @Override
        public String visitDropIndex(DropIndex op) {
            return "drop_index " + q(op.table()) + " " + q(op.name());
        }

        @Override
        public String visitAddPrimaryKey(AddPrimaryKey op) {
            return "add_primary_key " + q(op.table()) + " " + pk(op.primaryKey());
        }

        @Override
        public String visitAddUniqueConstraint(AddUniqueConstraint op) {
            return "add_unique_constraint " + q(op.table()) + " " + unique(op.constraint());
        }

        @Override
        public String visitAddForeignKey(AddForeignKey op) {
            return "add_foreign_key " + q(op.table()) + " " + fk(op.foreignKey());
        }

        @Override
        public String visitAddCheckConstraint(AddCheckConstraint op) {
            return "add_check_constraint " + q(op.table()) + " " + check(op.check());
        }

        @Override
        public String visitDropConstraint(DropConstraint op) {
            return "drop_constraint " + q(op.table()) + " " + q(op.name()) + " " + op.type().name();
        }

        @Override
        public String visitExecuteSql(ExecuteSql op) {
            StringBuilder sb = new StringBuilder("sql ").append(q(op.sql()));
            op.perDialect().forEach((k, v) -> sb.append(' ').append(q(k)).append('=').append(q(v)));
            if (op.declares() != null) {
                // Only when present, so that checksums of revisions written before declarations existed stay the same.
                sb.append(" declares");
                op.declares().tables().forEach(t -> sb.append(' ').append(visitCreateTable(new CreateTable(t))));
                op.declares().dropped().forEach(d -> sb.append(" dropped ").append(q(d)));
            }
            return sb.toString();
        }
    }
}
