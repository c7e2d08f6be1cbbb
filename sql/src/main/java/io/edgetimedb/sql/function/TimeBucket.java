package io.edgetimedb.sql.function;


import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code time_bucket(interval, ts [, origin])}: the start of the bucket of width {@code interval}
 * that holds {@code ts}; buckets are aligned to {@code origin} (default the epoch). The generated
 * code works on Calcite's internal long milliseconds of both arguments, never on
 * java.sql.Timestamp, so the result does not depend on the JVM's time zone.
 */
public final class TimeBucket implements ScalarFunction, ImplementableFunction {
  private final boolean withOrigin;

  private TimeBucket(boolean withOrigin) {
    this.withOrigin = withOrigin;
  }

  /** The two-argument form, aligned to the epoch. */
  public static TimeBucket create() {
    return new TimeBucket(false);
  }

  /** The three-argument form with an explicit origin. */
  public static TimeBucket withOrigin() {
    return new TimeBucket(true);
  }

  /** The bucket start in epoch millis; called by generated code. */
  public static long bucket(long widthMillis, long ts) {
    return bucket(widthMillis, ts, 0);
  }

  /** The bucket start in epoch millis for buckets aligned to {@code origin}; called by generated code. */
  public static long bucket(long widthMillis, long ts, long origin) {
    if (widthMillis <= 0) {
      throw new IllegalArgumentException("time_bucket interval must be positive, was " + widthMillis + " ms");
    }
    return Math.floorDiv(ts - origin, widthMillis) * widthMillis + origin;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> parameters = new ArrayList<>();
    parameters.add(parameter(0, "bucket_width", f -> f.createSqlIntervalType(
        new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO))));
    parameters.add(parameter(1, "ts", f -> f.createSqlType(SqlTypeName.TIMESTAMP, 3)));
    if (withOrigin) {
      parameters.add(parameter(2, "origin", f -> f.createSqlType(SqlTypeName.TIMESTAMP, 3)));
    }
    return parameters;
  }

  @Override
  public CallImplementor getImplementor() {
    return RexImpTable.createImplementor(
        (translator, call, operands) -> Expressions.call(TimeBucket.class, "bucket", operands),
        NullPolicy.STRICT, false);
  }

  private static FunctionParameter parameter(int ordinal, String name,
      Function<RelDataTypeFactory, RelDataType> type) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        return type.apply(typeFactory);
      }

      @Override
      public boolean isOptional() {
        return false;
      }
    };
  }
}
