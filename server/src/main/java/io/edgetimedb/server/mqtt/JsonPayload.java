package io.edgetimedb.server.mqtt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON payload: an object is one point, an array of objects several.
 *
 * <pre>
 *   {"ts": 1714564800000, "sensor": "t17", "temp": 21.5, "ok": true, "env": {"rh": 40}}
 *   →  measurement (from the topic or mqtt.measurement), time 1714564800000,
 *      tag sensor=t17 (with mqtt.json.tag-fields = sensor), fields temp=21.5, ok=true, env.rh=40
 * </pre>
 *
 * <ul>
 *   <li>The time is the {@code mqtt.json.time-field} key of the top level (see {@link JsonTimeUnit});
 *       without it the point takes the receive time.
 *   <li>Nested objects are flattened: their keys join the parent's with a dot ({@code env.rh}), at
 *       any depth, so a structured sensor reading keeps all its values. {@code mqtt.json.tag-fields}
 *       names keys in that dotted form. When two keys flatten to one name the later one wins, as a
 *       repeated JSON key does.
 *   <li>Strings, numbers and booleans become fields (integers BIGINT, other numbers DOUBLE); keys
 *       named in {@code mqtt.json.tag-fields} become tags (numbers and booleans as their text);
 *       {@code null} is an absent value.
 *   <li>An array inside a point refuses that point: it has no column to go to, and dropping it
 *       silently would lose data (send several points as a top-level array instead). A point
 *       without fields, with a bad time or a non-scalar tag is refused too; the others in the
 *       payload are kept. Text that is not JSON refuses the whole payload, with line and column.
 * </ul>
 */
public final class JsonPayload implements PayloadMapper {
  /** Trailing garbage after the value means a broken publisher; refuse rather than guess. */
  private static final ObjectReader READER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).reader();

  private final String defaultMeasurement;
  private final String timeField;
  private final JsonTimeUnit timeUnit;
  private final Set<String> tagFields;

  public JsonPayload(String defaultMeasurement, String timeField, JsonTimeUnit timeUnit, Set<String> tagFields) {
    this.defaultMeasurement = defaultMeasurement;
    this.timeField = timeField;
    this.timeUnit = timeUnit;
    this.tagFields = Set.copyOf(tagFields);
  }

  @Override
  public PayloadResult map(byte[] payload, TopicTags topicTags, long receivedMillis, PointBatch into) {
    JsonNode root;
    try {
      root = READER.readTree(payload);
    } catch (JsonProcessingException e) {
      return PayloadResult.unreadable(position(e.getLocation()) + "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return PayloadResult.unreadable("invalid JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return PayloadResult.unreadable("empty JSON payload");
    }
    String measurement = topicTags.measurement() != null ? topicTags.measurement() : defaultMeasurement;
    if (root.isArray()) {
      return mapArray(root, measurement, topicTags, receivedMillis, into);
    }
    String refusal = mapPoint(root, measurement, topicTags, receivedMillis, into);
    return refusal == null ? new PayloadResult(1, 0, null) : new PayloadResult(0, 1, refusal);
  }

  private PayloadResult mapArray(JsonNode array, String measurement, TopicTags topicTags, long receivedMillis,
      PointBatch into) {
    int points = 0;
    int refused = 0;
    String firstError = null;
    for (int i = 0; i < array.size(); i++) {
      String refusal = mapPoint(array.get(i), measurement, topicTags, receivedMillis, into);
      if (refusal == null) {
        points++;
      } else {
        refused++;
        firstError = firstError != null ? firstError : "element " + (i + 1) + ": " + refusal;
      }
    }
    return new PayloadResult(points, refused, firstError);
  }

  /** Appends one point, or returns why it cannot be one (and appends nothing). */
  private String mapPoint(JsonNode object, String measurement, TopicTags topicTags, long receivedMillis,
      PointBatch into) {
    if (!object.isObject()) {
      return "a point must be a JSON object, not " + kind(object);
    }
    long time;
    try {
      time = time(object.get(timeField), receivedMillis);
    } catch (IllegalArgumentException e) {
      return "time '" + timeField + "' " + e.getMessage();
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    String refusal = flatten(object, "", values);
    if (refusal != null) {
      return refusal;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> value : values.entrySet()) {
      if (tagFields.contains(value.getKey())) {
        tags.put(value.getKey(), value.getValue().asText());
      } else {
        fields.put(value.getKey(), value.getValue());
      }
    }
    if (fields.isEmpty()) {
      return "no fields: a point needs at least one number, boolean or string that is not a tag";
    }
    into.point(measurement, time);
    tags.forEach(into::tag);
    fields.forEach((name, node) -> addField(into, name, node));
    topicTags.addMissingTo(into);
    return null;
  }

  private long time(JsonNode node, long receivedMillis) {
    if (node == null || node.isNull()) {
      return receivedMillis;
    }
    long millis = sentTime(node);
    String reserved = PointBatch.reservedTimestampProblem(millis);
    if (reserved != null) {
      // the engine would take it for "no timestamp" and stamp the receive time
      throw new IllegalArgumentException(reserved);
    }
    return millis;
  }

  private long sentTime(JsonNode node) {
    if (node.isTextual()) {
      return JsonTimeUnit.isoMillis(node.textValue());
    }
    if (node.isIntegralNumber()) {
      return timeUnit.millis(new BigDecimal(node.bigIntegerValue()));
    }
    if (node.isNumber() && Double.isFinite(node.doubleValue())) {
      // valueOf takes the double's shortest decimal text, so 1714564800.123 s is exactly ...123 ms
      return timeUnit.millis(BigDecimal.valueOf(node.doubleValue()));
    }
    throw new IllegalArgumentException("is " + kind(node) + ", not a number or an ISO-8601 string");
  }

  /**
   * Collects the scalar values of an object under their dotted names, skipping the top-level time
   * and nulls. Returns why the object cannot be a point (an array inside it), or null.
   */
  private String flatten(JsonNode object, String prefix, Map<String, JsonNode> into) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = prefix + entry.getKey();
      JsonNode value = entry.getValue();
      if (value.isNull() || (prefix.isEmpty() && entry.getKey().equals(timeField))) {
        continue;
      }
      if (value.isObject() && tagFields.contains(name)) {
        return "tag '" + name + "' is an object; a tag value must be a string, number or boolean";
      }
      if (value.isObject()) {
        String refusal = flatten(value, name + ".", into);
        if (refusal != null) {
          return refusal;
        }
      } else if (value.isArray()) {
        return "'" + name + "' is an array; arrays are not values (send several points as a top-level array)";
      } else if (value.isValueNode() && !value.isBinary() && !value.isPojo()) {
        into.remove(name);
        into.put(name, value);
      }
    }
    return null;
  }

  private static void addField(PointBatch into, String name, JsonNode value) {
    if (value.isTextual()) {
      into.field(name, value.textValue());
    } else if (value.isBoolean()) {
      into.field(name, value.booleanValue());
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      into.field(name, value.longValue());
    } else {
      into.field(name, value.doubleValue());
    }
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }
}
