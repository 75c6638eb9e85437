package dev.retort.core.domain.operation;

/**
 * One schema change, as written in a revision file. Renderers handle every variant through
 * {@link OperationVisitor}, so adding a variant breaks the build of every renderer that misses it.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
        RenameColumn, AlterTable, CreateIndex, DropIndex, AddPrimaryKey, AddUniqueConstraint, AddForeignKey, AddCheckConstraint,
        DropConstraint, ExecuteSql {

    <R> R accept(OperationVisitor<R> visitor);

    /** The table this operation changes, or null for raw SQL. */
    String table();

    /** One readable line, e.g. {@code + add column invoice.note text null}. */
    default String describe() {
        return accept(new OperationDescriber());
    }
}
