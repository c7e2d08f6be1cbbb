package io.edgetimedb.engine.write;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.MeasurementSchema;
import io.edgetimedb.engine.schema.NameRules;
import io.edgetimedb.engine.series.ApplyTurns;
import io.edgetimedb.engine.series.FieldValues;
import io.edgetimedb.engine.series.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Applies batches to the catalog. Each point is checked whole before any of it is applied, so a
 * refused point changes nothing and the rest of the batch goes on. Known names are not checked
 * again: a point for an existing series with existing fields costs a few lookups and array
 * stores. One writer serves one thread; it is also the {@link FieldValues} view of the point
 * being written, which keeps the write path free of per-point allocation.
 *
 * <p>A durable database splits the apply in two (see {@code DurableStore}): under its ingest
 * lock, in log order, {@link #settleSchema} creates what the batch adds to the schema and
 * {@link #drawTurns} queues each point in its series; outside the lock {@link #applyInTurn}
 * writes each point once its series' turn comes. The per-point arrays below are sized to the
 * largest batch seen, so neither step allocates per point.
 */
public final class BatchWriter implements FieldValues {
  private static final Comparator<RejectedPoint> BY_INDEX = Comparator.comparingInt(RejectedPoint::index);
  private final Catalog catalog;
  private final WriteLimits limits;
  private final int chunkRows;
  private long outOfOrderWindow;
  private int maxValueLength;
  private int maxFields;
  private int maxSeries;
  /** Points of the batch refused by {@code ingest.max-fields} or {@code ingest.max-series}. */
  private int refusedByLimits;
  private final ChunkEncoder encoder = new ChunkEncoder();
  private final ChunkDecoder decoder = new ChunkDecoder();
  private final ClockCheck clock = new ClockCheck();
  private PointBatch batch;
  private MeasurementSchema schema;
  private int firstField;
  private int fieldCount;
  private long now;
  private FieldSchema[] resolved = new FieldSchema[8];
  private boolean[] accepted = new boolean[0];
  private Series[] known = new Series[0];
  /** Per point: the schema of its series' measurement, as the check or {@link #settleSchema} found it. */
  private MeasurementSchema[] schemas = new MeasurementSchema[0];
  /** Per point: its turn in its series ({@link #drawTurns}). */
  private long[] turns = new long[0];
  /** True when the check met a measurement, series or field the schema lacks, or a field to widen. */
  private boolean schemaGrows;
  private long dropsAtCheck;
  private List<RejectedPoint> rejected;
  /** True while replaying the log: its points were accepted once and are never refused by a limit lowered since. */
  private boolean trustSeriesIds;

  public BatchWriter(Catalog catalog, WriteLimits limits, int chunkRows) {
    this.catalog = catalog;
    this.limits = limits;
    this.chunkRows = chunkRows;
  }

  /**
   * Writes every acceptable point of the batch and reports the others, in two steps: every
   * point is checked against the schema as it stands, then the points that passed are applied.
   * A point can still be refused while applying, by the out-of-order window or by a conflict
   * with an earlier point of the same batch. A durable database runs the two steps itself with
   * the logging between them (see {@link #check} and {@link #apply}).
   */
  public WriteResult write(PointBatch points, long nowMillis) {
    check(points, nowMillis);
    return apply(0);
  }

  /**
   * The first step of {@link #write} on its own: applies the clock policy (see {@link
   * ClockCheck}; the receive time is the batch's, else {@code nowMillis}), checks every point
   * against the schema as it stands and remembers which passed ({@link #accepted()}) until
   * {@link #apply}. A durable database runs it, and encodes its log record, before taking its
   * ingest lock.
   */
  public void check(PointBatch points, long nowMillis) {
    long received = points.receivedAt() == PointBatch.NO_TIMESTAMP ? nowMillis : points.receivedAt();
    clock.apply(points, limits.clockPolicy(), received);
    check(points, nowMillis, false);
  }

  /**
   * Checks the batch of the last {@link #check} again against the schema as it stands now, for
   * a durable write whose check a concurrent drop made stale. The clock policy is not applied
   * again: its verdicts stand, and clamped points are not clamped or counted twice.
   */
  public void recheck() {
    check(batch, now, false);
  }

  /** Points of the last batch refused by {@code ingest.max-fields} or {@code ingest.max-series}, for its source. */
  public int refusedByLimits() {
    return refusedByLimits;
  }

  /** What the clock policy did to the last batch checked, for the statistics of its source. */
  public ClockCheck clock() {
    return clock;
  }

  /**
   * Checks a batch a log replay decoded: a point that names its series by id (see
   * {@link PointBatch#seriesId(int)}) was checked when it was first written, so only its fields
   * are checked again, against the schema as the replay has rebuilt it. The schema is settled
   * before any point is applied, as the live durable write did, so both make the same changes.
   */
  public WriteResult replay(PointBatch points, long nowMillis, long sequence) {
    clock.trustAll(points.size(), nowMillis);
    check(points, nowMillis, true);
    settleSchema();
    return apply(sequence);
  }

  private void check(PointBatch points, long nowMillis, boolean seriesIdsGiven) {
    batch = points;
    now = nowMillis;
    // read once per batch: a SET while the batch is checked and applied cannot split it
    outOfOrderWindow = limits.outOfOrderWindowMillis();
    maxValueLength = limits.maxValueLength();
    maxFields = limits.maxFields();
    maxSeries = limits.maxSeries();
    refusedByLimits = 0;
    rejected = null;
    trustSeriesIds = seriesIdsGiven;
    schemaGrows = false;
    dropsAtCheck = catalog.drops();
    checkAll();
  }

  /**
   * True while no measurement was dropped since the check: a drop between an unlocked check and
   * the apply would make the check's series and field ids (and the log record built from them)
   * stale. Drops are rare, so one counter stands for every point.
   */
  public boolean checkStillHolds() {
    return catalog.drops() == dropsAtCheck;
  }

  /** Which points of the checked batch passed; valid until {@link #apply}. */
  public boolean[] accepted() {
    return accepted;
  }

  /** Applies the points that passed {@link #check} under the given log sequence, and reports. */
  private WriteResult apply(long sequence) {
    try {
      return result(applyAll(sequence));
    } finally {
      forget();
    }
  }

  private WriteResult result(int applied) {
    if (rejected == null) {
      return new WriteResult(applied, List.of());
    }
    rejected.sort(BY_INDEX);
    return new WriteResult(applied, rejected);
  }

  /**
   * Creates the measurements, series and fields the checked batch adds, and widens fields, in
   * the order of its points, as applying them would; a point that conflicts with what an
   * earlier point (or another batch since the check) added is refused here. A durable database
   * calls it under its ingest lock right after logging the batch, so schema changes happen in
   * log order and a replay hands out the same series and field ids. Points applied afterwards
   * only look names up. Nothing to do, and nothing done, when the check found every name.
   */
  public void settleSchema() {
    if (!schemaGrows) {
      return;
    }
    for (int p = 0; p < batch.size(); p++) {
      if (accepted[p]) {
        settle(p);
      }
    }
  }

  private void settle(int p) {
    try {
      Measurement m = catalog.measurementFor(batch.measurement(p), batch.source(), now);
      String problem = limitProblem(p, m);
      if (problem != null) {
        accepted[p] = false;
        reject(p, problem);
        return;
      }
      known[p] = stillKnown(known[p]) ? known[p] : catalog.seriesFor(m, batch.tagKeys(), batch.tagValues(),
          batch.tagStart(p), batch.tagCount(p), batch.source(), now);
      schemas[p] = m.schema();
      for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
        m.schema().fieldFor(batch.fieldName(f), batch.fieldType(f), batch.source(), now);
      }
    } catch (IllegalArgumentException conflict) {
      accepted[p] = false;
      reject(p, conflict.getMessage());
    }
  }

  /**
   * Queues each accepted point in its series: draws the turn it will be applied in. The caller
   * holds the durable database's ingest lock and has logged the batch and settled the schema,
   * so every series sees its turns drawn in log order, a batch's turns in one series are
   * consecutive, and no other change can come between them.
   */
  public void drawTurns() {
    for (int p = 0; p < batch.size(); p++) {
      if (accepted[p]) {
        turns[p] = known[p].turns().draw();
      }
    }
  }

  /**
   * Applies the queued points under the given log sequence, each once its turn in its series
   * comes, and reports. Called outside the ingest lock after {@link #drawTurns}. Every turn
   * drawn is passed on, even when a point fails, or the series would wait for good.
   */
  public WriteResult applyInTurn(long sequence) {
    try {
      return result(applyAllInTurn(sequence));
    } finally {
      forget();
    }
  }

  private int applyAllInTurn(long sequence) {
    int applied = 0;
    int p = 0;
    try {
      for (; p < batch.size(); p++) {
        if (accepted[p]) {
          applied += applyInTurn(p, sequence) ? 1 : 0;
        }
      }
    } finally {
      passTurnsFrom(p + 1);
    }
    return applied;
  }

  private boolean applyInTurn(int p, long sequence) {
    Series series = known[p];
    ApplyTurns order = series.turns();
    order.await(turns[p]);
    String problem;
    try {
      problem = writePoint(p, series, schemas[p], sequence);
    } finally {
      order.pass();
    }
    known[p] = null;
    schemas[p] = null;
    if (problem != null) {
      reject(p, problem);
    }
    return problem == null;
  }

  /** After a failure at an earlier point: takes and passes on the turns of the points not applied. */
  private void passTurnsFrom(int first) {
    for (int p = first; p < batch.size(); p++) {
      if (accepted[p]) {
        known[p].turns().await(turns[p]);
        known[p].turns().pass();
      }
    }
  }

  /** Forgets a checked batch that will not be applied (its log record could not be written). */
  public void discard() {
    forget();
  }

  private void forget() {
    batch = null;
    rejected = null;
  }

  private void checkAll() {
    int n = batch.size();
    if (accepted.length < n) {
      accepted = new boolean[n];
      known = new Series[n];
      schemas = new MeasurementSchema[n];
      turns = new long[n];
    }
    for (int p = 0; p < n; p++) {
      known[p] = null;
      schemas[p] = null;
      String problem = clock.problem(batch, p);
      if (problem == null) {
        problem = check(p);
      }
      accepted[p] = problem == null;
      if (problem != null) {
        reject(p, problem);
      }
    }
  }

  private int applyAll(long sequence) {
    int applied = 0;
    for (int p = 0; p < batch.size(); p++) {
      if (!accepted[p]) {
        continue;
      }
      String problem = apply(p, sequence);
      if (problem == null) {
        applied++;
      } else {
        reject(p, problem);
      }
      known[p] = null;
      schemas[p] = null;
    }
    return applied;
  }

  private void reject(int p, String problem) {
    if (rejected == null) {
      rejected = new ArrayList<>();
    }
    rejected.add(new RejectedPoint(p, problem));
  }

  /** Why the point cannot be written given the schema as it stands, or null. */
  private String check(int p) {
    if (trustSeriesIds && batch.seriesId(p) >= 0) {
      known[p] = catalog.series(batch.seriesId(p));
      Measurement m = catalog.measurement(known[p].measurement());
      schemas[p] = m.schema();
      return fieldProblem(p, m);
    }
    String name = batch.measurement(p);
    Measurement m = catalog.measurement(name);
    String problem = m == null ? NameRules.problem("measurement", name) : null;
    if (problem != null) {
      return problem;
    }
    schemaGrows |= m == null;
    schemas[p] = m == null ? null : m.schema();
    String duplicate = batch.sortTags(p);
    if (duplicate != null) {
      return "duplicate tag key '" + duplicate + "'";
    }
    Series series = m == null ? null
        : catalog.findSeries(m, batch.tagKeys(), batch.tagValues(), batch.tagStart(p), batch.tagCount(p));
    known[p] = series;
    schemaGrows |= series == null;
    batch.seriesId(p, series == null ? -1 : series.id());
    problem = series == null ? tagProblem(p, m) : null;
    if (problem == null && series == null) {
      problem = seriesLimitProblem(p);
    }
    return problem != null ? problem : fieldProblem(p, m);
  }

  /**
   * Why the limits refuse point {@code p} given the catalog as it is now, or null: checked again
   * right before the point creates its series and fields (under the durable ingest lock), since
   * earlier points of the batch and other writers may have grown the catalog since the check.
   */
  private String limitProblem(int p, Measurement m) {
    String problem = stillKnown(known[p]) || catalog.findSeries(m, batch.tagKeys(), batch.tagValues(),
        batch.tagStart(p), batch.tagCount(p)) != null ? null : seriesLimitProblem(p);
    return problem != null ? problem : measurementFieldLimitProblem(p, m.schema(), false);
  }

  /** The refusal of a point that would add a series beyond {@code ingest.max-series}, or null. */
  private String seriesLimitProblem(int p) {
    int held = catalog.liveSeriesCount();
    if (trustSeriesIds || held < maxSeries) {
      return null;
    }
    refusedByLimits++;
    return "measurement '" + batch.measurement(p) + "' would add series " + grouped(held + 1L)
        + ", more than ingest.max-series = " + grouped(maxSeries);
  }

  /** The refusal of a point with more fields than {@code ingest.max-fields}, or null. */
  private String pointFieldLimitProblem(int p) {
    int fields = batch.fieldCount(p);
    if (trustSeriesIds || fields <= maxFields) {
      return null;
    }
    refusedByLimits++;
    return "point has " + grouped(fields) + " fields, more than ingest.max-fields = " + grouped(maxFields);
  }

  /**
   * The refusal of a point that would give its measurement more fields than {@code
   * ingest.max-fields}, or null. {@code idsResolved}: the check has just set each field's id in
   * the batch (-1 for a new one), so no name needs looking up again.
   */
  private String measurementFieldLimitProblem(int p, MeasurementSchema schema, boolean idsResolved) {
    if (trustSeriesIds) {
      return null;
    }
    int added = 0;
    for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
      boolean known = idsResolved ? batch.fieldId(f) >= 0 : schema.field(batch.fieldName(f)) != null;
      added += known ? 0 : 1;
    }
    long total = (long) schema.fieldCount() + added;
    if (added == 0 || total <= maxFields) {
      return null;
    }
    refusedByLimits++;
    return "measurement '" + batch.measurement(p) + "' would have " + grouped(total)
        + " fields, more than ingest.max-fields = " + grouped(maxFields);
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private String apply(int p, long sequence) {
    try {
      Measurement m = catalog.measurementFor(batch.measurement(p), batch.source(), now);
      String problem = schemaGrows ? limitProblem(p, m) : null;
      if (problem != null) {
        return problem;
      }
      Series series = stillKnown(known[p]) ? known[p] : catalog.seriesFor(m, batch.tagKeys(), batch.tagValues(),
          batch.tagStart(p), batch.tagCount(p), batch.source(), now);
      return writePoint(p, series, m.schema(), sequence);
    } catch (IllegalArgumentException conflictWithinTheBatch) {
      return conflictWithinTheBatch.getMessage();
    }
  }

  /**
   * Writes point {@code p} into its series, this writer serving as the point's field values.
   * On the durable path the schema was settled before, so resolving a field only looks it up.
   */
  private String writePoint(int p, Series series, MeasurementSchema measurementSchema, long sequence) {
    try {
      schema = measurementSchema;
      firstField = batch.fieldStart(p);
      fieldCount = batch.fieldCount(p);
      if (resolved.length < fieldCount) {
        resolved = new FieldSchema[fieldCount];
      }
      Arrays.fill(resolved, 0, fieldCount, null);
      return series.write(batch.timestamp(p), this, outOfOrderWindow, chunkRows, encoder, decoder, sequence);
    } catch (IllegalArgumentException conflictWithinTheBatch) {
      return conflictWithinTheBatch.getMessage();
    }
  }

  /** A series found by the check that no drop has removed since (the check may run unlocked). */
  private boolean stillKnown(Series series) {
    return series != null && catalog.series(series.id()) == series;
  }

  private String tagProblem(int p, Measurement m) {
    String[] keys = batch.tagKeys();
    String[] values = batch.tagValues();
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      String problem = NameRules.columnProblem("tag key", keys[t]);
      if (problem == null && m != null) {
        problem = m.schema().tagKeyProblem(keys[t]);
      }
      if (problem == null && (problem = NameRules.problem("tag value", values[t])) != null) {
        problem += " (tag key '" + keys[t] + "')";
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private String fieldProblem(int p, Measurement m) {
    if (batch.fieldCount(p) == 0) {
      return "point has no fields";
    }
    String problem = pointFieldLimitProblem(p);
    if (problem != null) {
      return problem;
    }
    for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
      problem = fieldProblem(p, m, f);
      if (problem != null) {
        return problem;
      }
    }
    return m == null ? null : measurementFieldLimitProblem(p, m.schema(), true);
  }

  private String fieldProblem(int p, Measurement m, int f) {
    String name = batch.fieldName(f);
    FieldType type = batch.fieldType(f);
    FieldSchema known = m == null ? null : m.schema().field(name);
    batch.fieldId(f, known == null ? -1 : known.id());
    schemaGrows |= known == null || known.type().widenWith(type) != known.type();
    if (known == null) {
      String problem = NameRules.columnProblem("field", name);
      if (problem == null) {
        problem = sameNameAsTag(p, name);
      }
      if (problem != null) {
        return problem;
      }
    }
    if (m != null && (known == null || known.type().widenWith(type) == null)) {
      String problem = m.schema().fieldProblem(name, type);
      if (problem != null) {
        return problem;
      }
    }
    return valueProblem(name, type, batch.fieldRef(f));
  }

  private String sameNameAsTag(int p, String field) {
    String[] keys = batch.tagKeys();
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      if (keys[t].equals(field)) {
        return "'" + field + "' is both a tag key and a field of the point";
      }
    }
    return null;
  }

  private String valueProblem(String name, FieldType type, Object ref) {
    if (type != FieldType.VARCHAR && type != FieldType.VARBINARY) {
      return null;
    }
    int length = ref instanceof String s ? s.length() : ((byte[]) ref).length;
    if (length > maxValueLength) {
      return "field '" + name + "' is " + length + (type == FieldType.VARCHAR ? " characters" : " bytes")
          + " long, over the limit of " + maxValueLength;
    }
    return null;
  }

  @Override
  public int fieldCount() {
    return fieldCount;
  }

  @Override
  public FieldSchema field(int i) {
    FieldSchema field = resolved[i];
    if (field == null) {
      field = schema.fieldFor(batch.fieldName(firstField + i), batch.fieldType(firstField + i), batch.source(), now);
      resolved[i] = field;
    }
    return field;
  }

  @Override
  public FieldType valueType(int i) {
    return batch.fieldType(firstField + i);
  }

  @Override
  public long bits(int i) {
    return batch.fieldBits(firstField + i);
  }

  @Override
  public Object ref(int i) {
    return batch.fieldRef(firstField + i);
  }

  /** Seals every head series of the catalog, e.g. before measuring compression or checkpointing. */
  public void sealAll() {
    for (int id = 0; id < catalog.seriesCount(); id++) {
      Series series = catalog.series(id);
      if (series != null) {
        series.sealHead(encoder);
      }
    }
  }

  /** Deletes [from, to) from the series with these ids; returns rows deleted. */
  public long delete(RoaringBitmap seriesIds, long from, long to, long sequence) {
    long deleted = 0;
    IntIterator ids = seriesIds.getIntIterator();
    while (ids.hasNext()) {
      Series series = catalog.series(ids.next());
      if (series != null) {
        deleted += series.delete(from, to, encoder, decoder, sequence);
      }
    }
    return deleted;
  }

  /**
   * Queues a delete of [from, to) in each listed series: draws its turns. The caller holds the
   * durable database's ingest lock and has just logged the delete.
   */
  public QueuedDelete queueDelete(RoaringBitmap seriesIds, long from, long to) {
    return QueuedDelete.draw(catalog, seriesIds, from, to);
  }

  /** Makes a queued delete, each series in its turn, outside the ingest lock; returns rows deleted. */
  public long deleteInTurn(QueuedDelete delete, long sequence) {
    return delete.apply(encoder, decoder, sequence);
  }

  /** This writer's encoder, for work on the writer's thread such as encoding heads for a checkpoint. */
  public ChunkEncoder encoder() {
    return encoder;
  }
}
