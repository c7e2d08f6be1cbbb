package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MqttTopicTemplateTest {
  @Test
  void namedLevelsBecomeTagsAndOthersAreSkipped() {
    TopicTags tags = TopicTemplate.parse("plant/{site}/+/{sensor}/*").tags("plant/A/l2/t17/raw");
    assertThat(tags.keys()).containsExactly("site", "sensor");
    assertThat(tags.values()).containsExactly("A", "t17");
    assertThat(tags.measurement()).isNull();
  }

  @Test
  void theMeasurementLevelNamesTheMeasurement() {
    TopicTags tags = TopicTemplate.parse("{measurement}/{site}/#").tags("boiler/A/x/y");
    assertThat(tags.measurement()).isEqualTo("boiler");
    assertThat(tags.keys()).containsExactly("site");
  }

  @Test
  void literalLevelsAreNotCheckedAndShortOrEmptyLevelsGiveNoTag() {
    TopicTemplate template = TopicTemplate.parse("plant/{site}/{line}/{sensor}");
    assertThat(template.tags("other/A").keys()).containsExactly("site");
    assertThat(template.tags("plant//l1/t1/extra").keys()).containsExactly("line", "sensor");
    assertThat(template.tags("plant//l1/t1/extra").values()).containsExactly("l1", "t1");
  }

  @Test
  void anEmptyTemplateGivesNothing() {
    assertThat(TopicTemplate.parse("  ").tags("a/b")).isEqualTo(TopicTags.NONE);
  }

  @Test
  void malformedTemplatesAreRefusedNamingTheLevel() {
    for (String bad : List.of("a/{site", "a/{}/b", "a/x{site}", "a/{a{b}}")) {
      assertThatThrownBy(() -> TopicTemplate.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("mqtt.topic-tags");
    }
    assertThatThrownBy(() -> TopicTemplate.parse("{site}/{site}")).hasMessageContaining("{site} twice");
  }
}
