package dev.retort.core.domain.operation;

/**
 * Changes a table's own attributes; today its comment. {@code comment == null} means unchanged, a
 * {@link AlterColumn.Change} holding null removes the comment.
 */
public record AlterTable(String table, AlterColumn.Change comment) implements Operation {
    public AlterTable {
        Require.name(table, "alter_table needs a table");
        if (comment == null) {
            throw new IllegalArgumentException("alter_table " + table + " changes nothing (give comment, or comment: null to remove it)");
        }
    }

    /** Sets ({@code comment != null}) or removes ({@code comment == null}) a table's comment. */
    public static AlterTable comment(String table, String comment) {
        return new AlterTable(table, new AlterColumn.Change(comment));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAlterTable(this);
    }
}
