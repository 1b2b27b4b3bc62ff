package org.liangshan.scheduler;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Regions;
import org.quartz.CronExpression;

/**
 * The platform's run plan: which jobs run when (Quartz cron expressions), for which period, after which
 * upstream jobs and on which inputs. Versioned in {@code run-plan.yaml} (shipped in the jar) and overridable by
 * {@code liangshan schedule start --plan FILE}; docs/scheduling.md explains every field.
 *
 * @param version the plan's version, recorded in every scheduled run's command line
 * @param timeZone the zone cron expressions and periods are read in
 * @param regions the regions every job runs for (one Quartz job per plan job and region)
 * @param landing the landing root the ingestion job loads from
 * @param threads Quartz worker threads (1: jobs run one at a time, the default on a small machine)
 * @param jobs the jobs by name, in plan order
 */
public record RunPlan(String version, ZoneId timeZone, List<String> regions, String landing, int threads,
    Map<String, PlanJob> jobs) {
  /** The plan shipped with the platform. */
  public static final String DEFAULT_RESOURCE = "/org/liangshan/scheduler/run-plan.yaml";

  public RunPlan {
    requireNonNull(version, "version is null");
    requireNonNull(timeZone, "timeZone is null");
    regions = List.copyOf(regions);
    requireNonNull(landing, "landing is null");
    jobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
  }

  /** What period a firing computes, from its scheduled fire time. */
  public enum PeriodRule {
    DAY("day", Period.Kind.DAY, 0),
    MONTH("month", Period.Kind.MONTH, 0),
    PREVIOUS_MONTH("previous-month", Period.Kind.MONTH, 1),
    QUARTER("quarter", Period.Kind.QUARTER, 0),
    PREVIOUS_QUARTER("previous-quarter", Period.Kind.QUARTER, 1),
    YEAR("year", Period.Kind.YEAR, 0),
    PREVIOUS_YEAR("previous-year", Period.Kind.YEAR, 1);

    private final String id;
    private final Period.Kind kind;
    private final int back;

    PeriodRule(String id, Period.Kind kind, int back) {
      this.id = id;
      this.kind = kind;
      this.back = back;
    }

    public String id() {
      return id;
    }

    public Period.Kind kind() {
      return kind;
    }

    /** The period a firing at this date computes. */
    public Period periodAt(LocalDate date) {
      Period period = Period.of(kind, date);
      for (int i = 0; i < back; i++) {
        period = period.previous();
      }
      return period;
    }

    static PeriodRule parse(String text, String where) {
      for (PeriodRule rule : values()) {
        if (rule.id.equals(text)) {
          return rule;
        }
      }
      throw LiangshanException.badInput("%s: unknown period '%s' (day, month, previous-month, quarter, previous-quarter, year, previous-year).",
          where, text);
    }
  }

  /** What Quartz does with a firing missed while the scheduler was down (docs/scheduling.md, misfire policy). */
  public enum Misfire {
    /** Fire once as soon as the scheduler is back, then follow the schedule (MISFIRE_INSTRUCTION_FIRE_ONCE_NOW). */
    FIRE_ONCE_NOW("fire-once-now"),
    /** Skip the missed firing and wait for the next one (MISFIRE_INSTRUCTION_DO_NOTHING). */
    DO_NOTHING("do-nothing");

    private final String id;

    Misfire(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Misfire parse(String text, String where) {
      for (Misfire m : values()) {
        if (m.id.equals(text)) {
          return m;
        }
      }
      throw LiangshanException.badInput("%s: unknown misfire policy '%s' (fire-once-now or do-nothing).", where, text);
    }
  }

  /**
   * Retries of a failed job: attempt k+1 starts {@code delay × multiplier^(k-1)} after attempt k failed, at most
   * {@code maxDelay}; after {@code attempts} failures the job is {@code failed} and an alert is logged.
   */
  public record Retry(int attempts, Duration delay, double multiplier, Duration maxDelay) {
    public Retry {
      if (attempts < 1) {
        throw LiangshanException.badInput("Invalid retry attempts %d (at least 1).", attempts);
      }
      if (delay.isNegative() || maxDelay.isNegative() || multiplier < 1) {
        throw LiangshanException.badInput("Invalid retry back-off: delay %s, multiplier %s, max-delay %s (delays >= 0, multiplier >= 1).",
            delay, multiplier, maxDelay);
      }
    }

    /** The wait before attempt {@code failedAttempt + 1}. */
    public Duration delayAfter(int failedAttempt) {
      double millis = delay.toMillis() * Math.pow(multiplier, failedAttempt - 1);
      return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
  }

  /** Re-checks of a job whose inputs are not ready: every {@code recheck}, {@code checks} times in all, then skipped. */
  public record Wait(Duration recheck, int checks) {
    public Wait {
      if (checks < 1 || recheck.isNegative()) {
        throw LiangshanException.badInput("Invalid wait: recheck %s, checks %d (recheck >= 0, checks >= 1).", recheck, checks);
      }
    }
  }

  /**
   * One job of the plan.
   *
   * @param name the plan's name for it (also the Quartz job name)
   * @param kind which platform job it runs: ingest, accounting, market, compensation, valuation, bank-book, realization
   * @param cron the Quartz cron expression (seconds minutes hours day-of-month month day-of-week)
   * @param period which period a firing computes
   * @param needs the input checks that must pass first ({@link ReadinessChecks})
   * @param after plan jobs that must have succeeded for the period containing this period's last day
   */
  public record PlanJob(String name, String kind, String cron, PeriodRule period, List<String> needs, List<String> after,
      Misfire misfire, Retry retry, Wait waitPolicy) {
    public PlanJob {
      needs = List.copyOf(needs);
      after = List.copyOf(after);
    }
  }

  public PlanJob job(String name) {
    PlanJob job = jobs.get(name);
    if (job == null) {
      throw LiangshanException.badInput("Unknown job '%s' in run plan %s. Jobs: %s.", name, version, String.join(", ", jobs.keySet()));
    }
    return job;
  }

  public static RunPlan load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw LiangshanException.badInput("Run plan %s: no such file.", file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw LiangshanException.badInput("Run plan %s: cannot read it: %s", file, e.getMessage());
    }
  }

  public static RunPlan defaultPlan() {
    try (InputStream in = RunPlan.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw LiangshanException.failure("The default run plan %s is missing from the jar.", DEFAULT_RESOURCE);
      }
      return parse(in, "run-plan.yaml (default)");
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot read the default run plan.");
    }
  }

  public static RunPlan parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw LiangshanException.badInput("Run plan %s is not valid YAML: %s", source, e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw LiangshanException.badInput("Run plan %s: expected a mapping with version, timezone, regions and jobs.", source);
    }
    String version = text(root, "version", source, null);
    ZoneId zone;
    String zoneText = text(root, "timezone", source, "Asia/Shanghai");
    try {
      zone = ZoneId.of(zoneText);
    } catch (RuntimeException e) {
      throw LiangshanException.badInput("Run plan %s: field 'timezone': unknown zone '%s'.", source, zoneText);
    }
    List<String> regions = new ArrayList<>();
    JsonNode regionNode = root.path("regions");
    if (regionNode.isMissingNode()) {
      regions.addAll(Regions.IDS);
    } else {
      for (JsonNode r : regionNode) {
        if (!Regions.IDS.contains(r.asText())) {
          throw LiangshanException.badInput("Run plan %s: field 'regions': unknown region '%s' (%s).", source, r.asText(),
              String.join(", ", Regions.IDS));
        }
        regions.add(r.asText());
      }
    }
    String landing = text(root, "landing", source, "landing");
    int threads = root.path("threads").asInt(1);
    if (threads < 1) {
      throw LiangshanException.badInput("Run plan %s: field 'threads': %d (at least 1).", source, threads);
    }
    JsonNode defaults = root.path("defaults");
    Retry retry = retry(defaults.path("retry"), new Retry(3, Duration.ofMinutes(10), 3, Duration.ofHours(2)), source + " defaults");
    Wait wait = waitPolicy(defaults.path("wait"), new Wait(Duration.ofHours(6), 8), source + " defaults");
    Misfire misfire = defaults.has("misfire") ? Misfire.parse(defaults.get("misfire").asText(), source + " defaults") : Misfire.FIRE_ONCE_NOW;

    JsonNode jobsNode = root.path("jobs");
    if (!jobsNode.isObject() || jobsNode.isEmpty()) {
      throw LiangshanException.badInput("Run plan %s: field 'jobs': expected a mapping of job name to its settings.", source);
    }
    Map<String, PlanJob> jobs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = jobsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      String where = source + " job '" + name + "'";
      if (!name.matches("[a-z][a-z0-9-]{0,60}")) {
        throw LiangshanException.badInput("%s: job names are lower-case letters, digits and dashes.", where);
      }
      JsonNode j = entry.getValue();
      String kind = text(j, "kind", where, null);
      String cron = text(j, "cron", where, null);
      if (!CronExpression.isValidExpression(cron)) {
        try {
          CronExpression.validateExpression(cron);
        } catch (java.text.ParseException e) {
          throw LiangshanException.badInput("%s: field 'cron': invalid Quartz cron expression '%s': %s.", where, cron, e.getMessage());
        }
      }
      PeriodRule period = PeriodRule.parse(text(j, "period", where, null), where + ": field 'period'");
      jobs.put(name, new PlanJob(name, kind, cron, period, list(j.path("needs")), list(j.path("after")),
          j.has("misfire") ? Misfire.parse(j.get("misfire").asText(), where) : misfire,
          retry(j.path("retry"), retry, where), waitPolicy(j.path("wait"), wait, where)));
    }
    for (PlanJob job : jobs.values()) {
      for (String upstream : job.after()) {
        if (!jobs.containsKey(upstream)) {
          throw LiangshanException.badInput("%s job '%s': field 'after': '%s' is not a job of the plan.", source, job.name(), upstream);
        }
      }
      requireAcyclic(jobs, job.name(), new HashSet<>(), source);
    }
    return new RunPlan(version, zone, regions, landing, threads, jobs);
  }

  private static void requireAcyclic(Map<String, PlanJob> jobs, String name, Set<String> path, String source) {
    if (!path.add(name)) {
      throw LiangshanException.badInput("Run plan %s: jobs wait on each other in a cycle through '%s'.", source, name);
    }
    for (String upstream : jobs.get(name).after()) {
      requireAcyclic(jobs, upstream, path, source);
    }
    path.remove(name);
  }

  private static Retry retry(JsonNode node, Retry base, String where) {
    if (node.isMissingNode()) {
      return base;
    }
    return new Retry(node.path("attempts").asInt(base.attempts()), duration(node, "delay", base.delay(), where),
        node.path("multiplier").asDouble(base.multiplier()), duration(node, "max-delay", base.maxDelay(), where));
  }

  private static Wait waitPolicy(JsonNode node, Wait base, String where) {
    if (node.isMissingNode()) {
      return base;
    }
    return new Wait(duration(node, "recheck", base.recheck(), where), node.path("checks").asInt(base.checks()));
  }

  private static Duration duration(JsonNode node, String field, Duration fallback, String where) {
    if (!node.has(field)) {
      return fallback;
    }
    String text = node.get(field).asText();
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw LiangshanException.badInput("%s: field '%s': '%s' is not an ISO-8601 duration (PT10M, PT6H, PT1.5S).", where, field, text);
    }
  }

  private static List<String> list(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }

  private static String text(JsonNode node, String field, String where, String fallback) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
      if (fallback == null) {
        throw LiangshanException.badInput("%s: field '%s' is missing.", where, field);
      }
      return fallback;
    }
    return value.asText();
  }

  /** The period a job computes when fired at this instant. */
  public Period periodAt(PlanJob job, Instant fireTime) {
    return job.period().periodAt(fireTime.atZone(timeZone).toLocalDate());
  }
}
