package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.revision.RevisionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw the revision graph as Mermaid (default) or Graphviz DOT: heads, merges, branch labels and where the database is.",
        footer = {"", "Examples:", "  retort graph > revisions.mmd            paste into any Markdown that renders Mermaid",
                "  retort graph --format dot | dot -Tpng -o revisions.png",
                "  retort graph --no-current                 without connecting to the database"})
final class GraphCli implements Callable<Integer> {
    enum GraphFormat { MERMAID, DOT }

    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", description = "mermaid (default) or dot.")
    GraphFormat format;

    @Option(names = "--current", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Mark the revisions the database is at (default); --no-current does not connect.")
    boolean current;

    @Override
    public Integer call() {
        List<RevisionInfo> all = new ArrayList<>(root.get(RevisionQueries.class).history(null));
        java.util.Collections.reverse(all);
        Set<RevisionId> at = new HashSet<>();
        if (current) {
            try {
                root.get(CurrentQuery.class).current().forEach(i -> at.add(i.id()));
            } catch (DatabaseException e) {
                root.io().err().println("warning: cannot read the database, so the current revision is not marked: " + e.getMessage());
            }
        }
        root.io().out().print(format == GraphFormat.DOT ? dot(all, at) : mermaid(all, at));
        return RetortCli.OK;
    }

    private static String node(RevisionId id) {
        return "r_" + id.value();
    }

    private static String label(RevisionInfo info, Set<RevisionId> at, String newline) {
        StringBuilder sb = new StringBuilder(info.id().value());
        if (!info.labels().isEmpty()) {
            sb.append(" (").append(String.join(", ", new TreeSet<>(info.labels()))).append(')');
        }
        String message = info.revision().message();
        if (!message.isEmpty()) {
            sb.append(newline).append(message.length() > 40 ? message.substring(0, 37) + "..." : message);
        }
        List<String> marks = new ArrayList<>();
        if (info.head()) {
            marks.add("head");
        }
        if (info.mergePoint()) {
            marks.add("merge");
        }
        if (info.branchPoint()) {
            marks.add("branch point");
        }
        if (at.contains(info.id())) {
            marks.add("current");
        }
        if (!marks.isEmpty()) {
            sb.append(newline).append('[').append(String.join(", ", marks)).append(']');
        }
        return sb.toString();
    }

    static String mermaid(List<RevisionInfo> all, Set<RevisionId> at) {
        StringBuilder sb = new StringBuilder("flowchart BT\n");
        for (RevisionInfo info : all) {
            String text = label(info, at, "<br/>").replace("\"", "#quot;");
            String shape = info.mergePoint() ? "{{\"" + text + "\"}}" : "[\"" + text + "\"]";
            sb.append("    ").append(node(info.id())).append(shape).append('\n');
        }
        for (RevisionInfo info : all) {
            for (RevisionId parent : info.revision().downRevisions()) {
                sb.append("    ").append(node(info.id())).append(" --> ").append(node(parent)).append('\n');
            }
            for (RevisionId dep : info.dependencies()) {
                sb.append("    ").append(node(info.id())).append(" -.->|depends on| ").append(node(dep)).append('\n');
            }
        }
        sb.append("    classDef head fill:#e6f4ea,stroke:#1e8e3e\n");
        sb.append("    classDef current stroke:#d93025,stroke-width:3px\n");
        appendClass(sb, "head", all.stream().filter(RevisionInfo::head).map(RevisionInfo::id).toList());
        appendClass(sb, "current", all.stream().map(RevisionInfo::id).filter(at::contains).toList());
        return sb.toString();
    }

    private static void appendClass(StringBuilder sb, String cls, List<RevisionId> ids) {
        if (!ids.isEmpty()) {
            sb.append("    class ").append(String.join(",", ids.stream().map(GraphCli::node).toList())).append(' ').append(cls).append('\n');
        }
    }

    static String dot(List<RevisionInfo> all, Set<RevisionId> at) {
        StringBuilder sb = new StringBuilder("digraph retort {\n    rankdir=BT;\n    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        for (RevisionInfo info : all) {
            List<String> attrs = new ArrayList<>();
            attrs.add("label=\"" + label(info, at, "\\n").replace("\"", "\\\"") + "\"");
            if (info.mergePoint()) {
                attrs.add("shape=hexagon");
            }
            if (info.head()) {
                attrs.add("style=\"rounded,filled\"");
                attrs.add("fillcolor=\"#e6f4ea\"");
            }
            if (at.contains(info.id())) {
                attrs.add("color=\"#d93025\"");
                attrs.add("penwidth=3");
            }
            sb.append("    \"").append(info.id()).append("\" [").append(String.join(", ", attrs)).append("];\n");
        }
        for (RevisionInfo info : all) {
            for (RevisionId parent : info.revision().downRevisions()) {
                sb.append("    \"").append(info.id()).append("\" -> \"").append(parent).append("\";\n");
            }
            for (RevisionId dep : info.dependencies()) {
                sb.append("    \"").append(info.id()).append("\" -> \"").append(dep).append("\" [style=dashed, label=\"depends on\"];\n");
            }
        }
        return sb.append("}\n").toString();
    }
}
