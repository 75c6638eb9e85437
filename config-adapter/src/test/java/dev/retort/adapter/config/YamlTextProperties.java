package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every scalar the writer emits reads back as the same text, in block and flow context. */
class YamlTextProperties {
    private static final SourceFile SRC = new SourceFile(Path.of("t.yaml"), "t.yaml");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Generators.text(), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(6));
    }

    @Property(tries = 1000)
    void a_block_scalar_reads_back(@ForAll("texts") String s) {
        String yaml = YamlText.join(YamlText.indent(YamlText.keyValue("k", s), "  ", "  "));
        assertEquals(s, value(YamlTrees.parse("m:\n" + yaml + "  z: 1\n", SRC), "m", "k"), yaml);
    }

    @Property(tries = 1000)
    void a_flow_scalar_reads_back(@ForAll("texts") String s) {
        String yaml = "m: " + new YamlText.FlowMap().text("k", s).names("l", List.of(s)) + "\n";
        YamlNode root = YamlTrees.parse(yaml, SRC);
        assertEquals(s, value(root, "m", "k"), yaml);
        YamlNode list = ((YamlNode.Mapping) ((YamlNode.Mapping) root).entries().get("m").value()).entries().get("l").value();
        assertEquals(s, ((YamlNode.Scalar) ((YamlNode.Sequence) list).items().get(0)).text(), yaml);
    }

    private static String value(YamlNode root, String outer, String key) {
        YamlNode.Mapping m = (YamlNode.Mapping) ((YamlNode.Mapping) root).entries().get(outer).value();
        return ((YamlNode.Scalar) m.entries().get(key).value()).text();
    }
}
