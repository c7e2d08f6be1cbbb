package io.edgetimedb.engine.index;

import static io.edgetimedb.engine.index.TagPredicate.all;
import static io.edgetimedb.engine.index.TagPredicate.and;
import static io.edgetimedb.engine.index.TagPredicate.eq;
import static io.edgetimedb.engine.index.TagPredicate.hasKey;
import static io.edgetimedb.engine.index.TagPredicate.in;
import static io.edgetimedb.engine.index.TagPredicate.not;
import static io.edgetimedb.engine.index.TagPredicate.or;
import static io.edgetimedb.engine.index.TagPredicate.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagPredicateTest {

  @Test
  void rendersTheExplainExampleAsSql() {
    TagPredicate predicate = and(eq("site", "A"), not(in("type", List.of("t", "p"))));

    assertThat(predicate).hasToString("(site = 'A' AND NOT (type IN ('t', 'p')))");
  }

  @Test
  void rendersEveryKindAsSql() {
    assertThat(all()).hasToString("TRUE");
    assertThat(eq("site", "")).hasToString("site = ''");
    assertThat(prefix("line", "abc")).hasToString("line LIKE 'abc%'");
    assertThat(hasKey("site")).hasToString("site IS NOT NULL");
    assertThat(or(eq("a", "1"), and(eq("b", "2"), eq("c", "3")))).hasToString("(a = '1' OR (b = '2' AND c = '3'))");
    assertThat(not(or(eq("a", "1"), eq("b", "2")))).hasToString("NOT (a = '1' OR b = '2')");
    assertThat(not(not(all()))).hasToString("NOT (NOT (TRUE))");
  }

  @Test
  void quotesLiteralsAndIdentifiersThatNeedIt() {
    assertThat(eq("room-no", "O'Brien")).hasToString("\"room-no\" = 'O''Brien'");
    assertThat(eq("say \"hi\"", "x")).hasToString("\"say \"\"hi\"\"\" = 'x'");
  }

  @Test
  void escapesLikeWildcardsInPrefixes() {
    assertThat(prefix("path", "50%_a\\b")).hasToString("path LIKE '50\\%\\_a\\\\b%' ESCAPE '\\'");
  }

  @Test
  void recordsCompareByValue() {
    assertThat(and(eq("a", "1"), hasKey("b"))).isEqualTo(and(eq("a", "1"), hasKey("b")));
    assertThat(all()).isEqualTo(new TagPredicate.All());
  }

  @Test
  void copiesTheValuesItIsGiven() {
    List<String> values = new ArrayList<>(List.of("x"));
    TagPredicate predicate = in("k", values);
    values.add("y");

    assertThat(predicate).isEqualTo(in("k", List.of("x")));
  }

  @Test
  void rejectsMalformedPredicates() {
    assertThatThrownBy(() -> eq("", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eq("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> in("k", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> and()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> or()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> not(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> prefix("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> hasKey("")).isInstanceOf(IllegalArgumentException.class);
  }
}
