package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes one revision file. */
final class RevisionYaml {
    static final List<String> KEYS = List.of("revision", "down_revision", "branch_labels", "depends_on", "message", "created",
            "upgrade", "downgrade");
    private static final String SHAPE = "{revision, down_revision, branch_labels?, depends_on?, message?, created?, upgrade, downgrade}";
    private static final String ID_EXPECTED = "a revision id such as 3f2a9c1b7d4e";
    private static final String PARENTS_EXPECTED = "a parent revision id, a list of ids for a merge, or null for a base";

    private RevisionYaml() {
    }

    static Revision read(SourceFile src) {
        return read(YamlTrees.read(src), src);
    }

    static Revision parse(String text, SourceFile src) {
        return read(YamlTrees.parse(text, src), src);
    }

    private static Revision read(YamlNode root, SourceFile src) {
        if (root == null) {
            throw src.error(new YamlNode.Mark(1, 1), "the revision file is empty", "a revision " + SHAPE);
        }
        MappingReader r = new MappingReader(src, root, "a revision file", SHAPE, KEYS);
        RevisionId id = id(src, r.require("revision", ID_EXPECTED), "revision");
        if (!r.has("down_revision")) {
            throw src.error(r.mark(), "revision " + id + " is missing 'down_revision'", PARENTS_EXPECTED);
        }
        List<RevisionId> parents = new ArrayList<>();
        YamlNode down = r.get("down_revision");
        if (down instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                parents.add(id(src, item, "an item of down_revision"));
            }
        } else if (!(down instanceof Scalar s && s.isNull())) {
            if (!(down instanceof Scalar)) {
                throw src.error(down.mark(), "down_revision is " + down.describe(), PARENTS_EXPECTED);
            }
            parents.add(id(src, down, "down_revision"));
        }
        List<String> labels = r.names("branch_labels", "a list of branch labels, e.g. [billing]");
        List<String> dependsOn = r.names("depends_on", "a list of revision ids or branch labels");
        String message = r.optText("message", "a one-line description");
        Instant created = created(src, r);
        List<Operation> upgrade = OperationYaml.readList(src, r.get("upgrade"), "upgrade");
        List<Operation> downgrade = OperationYaml.readList(src, r.get("downgrade"), "downgrade");
        try {
            return new Revision(id, parents, labels, dependsOn, message, created, upgrade, downgrade, src.display());
        } catch (IllegalArgumentException e) {
            throw src.error(r.markOf("down_revision"), e.getMessage(), PARENTS_EXPECTED, e);
        }
    }

    private static RevisionId id(SourceFile src, YamlNode node, String what) {
        String text = MappingReader.text(src, node, what, ID_EXPECTED);
        try {
            return RevisionId.of(text);
        } catch (IllegalArgumentException e) {
            throw src.error(node.mark(), what + ": " + e.getMessage(), ID_EXPECTED, e);
        }
    }

    private static Instant created(SourceFile src, MappingReader r) {
        String text = r.optText("created", "an ISO-8601 UTC time such as 2026-11-25T10:00:00Z");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw src.error(r.markOf("created"), "created '" + text + "' is not an ISO-8601 time with a zone",
                        "a time such as 2026-11-25T10:00:00Z", e2);
            }
        }
    }

    /** The file text: fixed key order, flow style for short mappings, block style for operation lists. */
    static String render(Revision rev) {
        List<String> out = new ArrayList<>();
        out.add("revision: " + YamlText.block(rev.id().value()));
        List<String> parents = rev.downRevisions().stream().map(RevisionId::value).toList();
        out.add("down_revision: " + (parents.isEmpty() ? "null" : parents.size() == 1 ? YamlText.block(parents.get(0)) : YamlText.flowList(parents)));
        out.add("branch_labels: " + YamlText.flowList(rev.branchLabels()));
        out.add("depends_on: " + YamlText.flowList(rev.dependsOn()));
        out.addAll(YamlText.keyValue("message", rev.message()));
        if (rev.created() != null) {
            out.add("created: " + DateTimeFormatter.ISO_INSTANT.format(rev.created()));
        }
        operations(out, "upgrade", rev.upgrade());
        operations(out, "downgrade", rev.downgrade());
        return YamlText.join(out);
    }

    private static void operations(List<String> out, String key, List<Operation> ops) {
        if (ops.isEmpty()) {
            out.add(key + ": []");
            return;
        }
        out.add(key + ":");
        for (Operation op : ops) {
            out.addAll(YamlText.indent(OperationYaml.lines(op), "  - ", "    "));
        }
    }
}
