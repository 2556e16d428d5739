package org.jgpuarray.samples.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesWhatJacksonReadsBack() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 ü");
        doc.put("int", 42);
        doc.put("long", 1L << 40);
        doc.put("double", 0.125);
        doc.put("nan", Double.NaN);
        doc.put("bool", true);
        doc.put("null", null);
        doc.put("list", List.of(1, "two", List.of()));
        doc.put("empty", Map.of());
        JsonNode n = new ObjectMapper().readTree(JsonWriter.write(doc));
        assertEquals(doc.get("text"), n.get("text").asText());
        assertEquals(42, n.get("int").asInt());
        assertEquals(1L << 40, n.get("long").asLong());
        assertEquals(0.125, n.get("double").asDouble());
        assertEquals(true, n.get("nan").isNull());
        assertEquals(true, n.get("bool").asBoolean());
        assertEquals(true, n.get("null").isNull());
        assertEquals("two", n.get("list").get(1).asText());
        assertEquals(0, n.get("list").get(2).size());
        assertEquals(0, n.get("empty").size());
    }

    @Test
    void refusesUnknownTypes() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
    }
}
