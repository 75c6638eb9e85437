package dev.retort.core.application.port.in;

import java.util.List;

/**
 * @param message      the revision's message, may be empty
 * @param autogenerate compare the target schema with the database to fill the operations
 * @param head         where to attach: {@code head} (default), a revision, or {@code label@head}
 * @param splice       allow attaching to a revision that is not a head (makes a branch)
 * @param branchLabels labels for the new revision
 * @param dependsOn    references the new revision depends on
 * @param revId        a given id instead of a generated one, or null
 * @param renames      with autogenerate: tables and columns to rename instead of drop + add
 */
public record CreateRevisionCommand(String message, boolean autogenerate, String head, boolean splice,
                                    List<String> branchLabels, List<String> dependsOn, String revId, Renames renames) {
    public CreateRevisionCommand {
        message = message == null ? "" : message;
        head = head == null || head.isBlank() ? "head" : head;
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        renames = renames == null ? Renames.NONE : renames;
        if (!autogenerate && (!renames.tables().isEmpty() || !renames.columns().isEmpty())) {
            throw new IllegalArgumentException("--rename only applies with --autogenerate");
        }
    }
}
