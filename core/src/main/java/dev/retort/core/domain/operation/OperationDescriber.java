package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;

/** One-line descriptions used by {@code check}, warnings and progress output. */
final class OperationDescriber implements OperationVisitor<String> {

    static String column(Column c) {
        StringBuilder sb = new StringBuilder(c.type().toString());
        sb.append(c.nullable() ? " null" : " not null");
        if (c.defaultValue() != null) {
            sb.append(" default ").append(c.defaultValue());
        }
        if (c.autoincrement()) {
            sb.append(" autoincrement");
        }
        return sb.toString();
    }

    static String fk(ForeignKey fk) {
        return "(" + String.join(", ", fk.columns()) + ") -> " + fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")";
    }

    @Override
    public String visitCreateTable(CreateTable op) {
        return "+ create table " + op.table() + " (" + op.definition().columns().size() + " columns)";
    }

    @Override
    public String visitDropTable(DropTable op) {
        return "- drop table " + op.table();
    }

    @Override
    public String visitRenameTable(RenameTable op) {
        return "~ rename table " + op.table() + " to " + op.newName();
    }

    @Override
    public String visitAddColumn(AddColumn op) {
        return "+ add column " + op.table() + "." + op.column().name() + " " + column(op.column());
    }

    @Override
    public String visitDropColumn(DropColumn op) {
        return "- drop column " + op.table() + "." + op.column();
    }

    @Override
    public String visitAlterColumn(AlterColumn op) {
        StringBuilder sb = new StringBuilder("~ alter column " + op.table() + "." + op.column());
        if (op.type() != null) {
            sb.append(" type ").append(op.type());
        }
        if (op.nullable() != null) {
            sb.append(op.nullable() ? " null" : " not null");
        }
        if (op.defaultValue() != null) {
            sb.append(op.defaultValue().value() == null ? " drop default" : " default " + op.defaultValue().value());
        }
        if (op.comment() != null) {
            sb.append(op.comment().value() == null ? " drop comment" : " comment");
        }
        return sb.toString();
    }

    @Override
    public String visitAlterTable(AlterTable op) {
        return "~ alter table " + op.table() + (op.comment().value() == null ? " drop comment" : " comment");
    }

    @Override
    public String visitRenameColumn(RenameColumn op) {
        return "~ rename column " + op.table() + "." + op.column() + " to " + op.newName();
    }

    @Override
    public String visitCreateIndex(CreateIndex op) {
        return "+ create " + (op.index().unique() ? "unique " : "") + "index " + op.index().name() + " on " + op.table()
                + " (" + String.join(", ", op.index().columns()) + ")";
    }

    @Override
    public String visitDropIndex(DropIndex op) {
        return "- drop index " + op.name() + " on " + op.table();
    }

    @Override
    public String visitAddPrimaryKey(AddPrimaryKey op) {
        return "+ add primary key " + op.table() + " (" + String.join(", ", op.primaryKey().columns()) + ")";
    }

    @Override
    public String visitAddUniqueConstraint(AddUniqueConstraint op) {
        return "+ add unique constraint " + op.table() + " (" + String.join(", ", op.constraint().columns()) + ")";
    }

    @Override
    public String visitAddForeignKey(AddForeignKey op) {
        return "+ add foreign key " + op.table() + fk(op.foreignKey());
    }

    @Override
    public String visitAddCheckConstraint(AddCheckConstraint op) {
        return "+ add check constraint " + op.table() + " (" + op.check().expression() + ")";
    }

    @Override
    public String visitDropConstraint(DropConstraint op) {
        return "- drop " + op.type().fileName().replace('_', ' ') + " constraint " + op.name() + " on " + op.table();
    }

    @Override
    public String visitExecuteSql(ExecuteSql op) {
        String text = op.sql() != null ? op.sql() : op.perDialect().values().iterator().next();
        String line = text.strip().replaceAll("\\s+", " ");
        return "! sql " + (line.length() > 60 ? line.substring(0, 57) + "..." : line);
    }
}
