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

    static String snake(String camel) {
        if (camel.equals("ExecuteSql")) {
            return "sql";
        }
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
