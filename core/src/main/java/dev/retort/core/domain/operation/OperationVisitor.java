package dev.retort.core.domain.operation;

/** One method per operation variant. */
public interface OperationVisitor<R> {
    R visitCreateTable(CreateTable op);

    R visitDropTable(DropTable op);

    R visitRenameTable(RenameTable op);

    R visitAddColumn(AddColumn op);

    R visitDropColumn(DropColumn op);

    R visitAlterColumn(AlterColumn op);

    R visitRenameColumn(RenameColumn op);

    R visitAlterTable(AlterTable op);

    R visitCreateIndex(CreateIndex op);

    R visitDropIndex(DropIndex op);

    R visitAddPrimaryKey(AddPrimaryKey op);

    R visitAddUniqueConstraint(AddUniqueConstraint op);

    R visitAddForeignKey(AddForeignKey op);

    R visitAddCheckConstraint(AddCheckConstraint op);

    R visitDropConstraint(DropConstraint op);

    R visitExecuteSql(ExecuteSql op);
}
