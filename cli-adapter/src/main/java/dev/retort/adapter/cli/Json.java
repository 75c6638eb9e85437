package dev.retort.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output; shapes are documented in docs/cli.md and kept stable. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new RetortException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"op": "add_column", "table": "invoice", "description": "+ add column ..."}}. */
    static Map<String, Object> operation(Operation op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", snake(op.getClass().getSimpleName()));
        m.put("table", op.table());
        m.put("description", op.describe());
        return m;
    }

    /** The documented shape of one revision (docs/cli.md, "JSON output"). */
    static Map<String, Object> revision(dev.retort.core.application.port.in.RevisionInfo info) {
        dev.retort.core.domain.revision.Revision r = info.revision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.id().value());
        m.put("down_revisions", r.downRevisions().stream().map(Object::toString).toList());
        m.put("branch_labels", new java.util.TreeSet<>(info.labels()).stream().toList());
        m.put("depends_on", info.dependencies().stream().map(Object::toString).toList());
        m.put("message", r.message());
        m.put("created", r.created() == null ? null : r.created().toString());
        m.put("path", r.source());
        m.put("head", info.head());
        m.put("branch_point", info.branchPoint());
        m.put("merge_point", info.mergePoint());
        m.put("children", info.children().stream().map(Object::toString).toList());
        return m;
    }

    static String revisions(String key, java.util.List<dev.retort.core.application.port.in.RevisionInfo> infos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, infos.stream().map(Json::revision).toList());
        return write(m);
    }

    static String snake(String camel) {
        if (camel.equals("ExecuteSql")) {
            return "sql";
        }
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
