package org.liangshan.market;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.liangshan.core.method.CarbonInclusion;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.market.model.CreditScore;
import org.liangshan.market.model.PointsLedger;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * Carbon inclusion (碳普惠) and eco-points for a region and year, thin over core's {@link CarbonInclusion} (the
 * same code as {@code liangshan calc carbon-inclusion}) and the plain {@link PointsLedger} and {@link
 * CreditScore}. Reads silver.carbon_inclusion, silver.points_redemptions and silver.credit_events from the
 * first record to the end of the year (the points ledger is replayed from the start); replaces the (region,
 * year) slice of gold.inclusion_activities, gold.points_movements, gold.points_redemptions,
 * gold.points_accounts and gold.credit_events. Run as part of the market job.
 */
public final class InclusionJob {
  private InclusionJob() {}

  public record Summary(int activities, int refused, long pointsEarned, long pointsRedeemed, long pointsExpired,
      long pointsHeld, int redemptionsRefused, int accounts, int violations) {
    @Override
    public String toString() {
      return String.format("  carbon inclusion: %d activities (%d refused), points earned %d = held %d + redeemed %d"
          + " + expired %d; %d redemptions refused; %d accounts scored, %d violations",
          activities, refused, pointsEarned, pointsHeld, pointsRedeemed, pointsExpired, redemptionsRefused, accounts,
          violations);
    }
  }

  /** The scenario of a silver scenario code. */
  static CarbonInclusion.Scenario scenario(String code) {
    return switch (code) {
      case "nev", "new_energy_vehicle" -> CarbonInclusion.Scenario.NEW_ENERGY_VEHICLE;
      default -> CarbonInclusion.scenario("scenario", code);
    };
  }

  /** The canonical unit of a landing unit text, as {@link CarbonInclusion#unit} names them. */
  static String unit(String text) {
    String u = text == null ? "" : text.strip();
    return switch (u.toLowerCase(Locale.ROOT)) {
      case "人公里", "pkm", "passenger-km", "人·公里" -> "pkm";
      case "公里", "km" -> "km";
      case "kwh", "度", "千瓦时" -> "kWh";
      case "kg", "千克", "公斤" -> "kg";
      case "亩", "mu" -> "mu";
      default -> u;
    };
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params) {
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    String yearEndText = yearEnd.toString();
    List<Object[]> activityRows = new ArrayList<>();
    List<PointsLedger.Earning> earnings = new ArrayList<>();
    Map<String, String> userTypes = new TreeMap<>();
    int refused = 0;
    for (Row r : JobSupport.silver(run, "carbon_inclusion", region)
        .where(col("date").leq(java.sql.Date.valueOf(yearEndText)))
        .orderBy("activity_id").collectAsList()) {
      String activityId = string(r, "activity_id");
      String userId = string(r, "user_id");
      LocalDate on = date(r, "date");
      double activity = number(r, "activity");
      userTypes.put(userId, string(r, "user_type"));
      CarbonInclusion.Scenario scenario = scenario(string(r, "scenario"));
      String unit = unit(string(r, "unit"));
      String expected = CarbonInclusion.unit(scenario);
      Double baseline = null;
      Double project = null;
      double reduction = 0;
      long points = 0;
      String status;
      if (!unit.equals(expected)) {
        status = "refused: unit '" + string(r, "unit") + "', the " + scenario.jsonName() + " methodology counts " + expected;
        if (on.getYear() == year) {
          refused++;
        }
      } else {
        CarbonInclusion.Input factors = CarbonInclusion.factors(scenario, activity, params);
        CarbonInclusion.Output out = CarbonInclusion.compute(scenario, activity, params);
        baseline = factors.baselineKgco2PerUnit();
        project = factors.projectKgco2PerUnit();
        reduction = out.reductionKgco2();
        points = out.points();
        status = "credited";
        earnings.add(new PointsLedger.Earning(activityId, userId, on, points));
      }
      if (on.getYear() == year) {
        activityRows.add(new Object[] {region.id(), year, activityId, userId, string(r, "user_type"),
            scenario.jsonName(), JobSupport.sqlDate(on), activity, unit, baseline, project, reduction, points, status});
      }
    }

    List<PointsLedger.Redemption> redemptions = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "points_redemptions", region)
        .where(col("date").leq(java.sql.Date.valueOf(yearEndText)))
        .orderBy("redemption_id").collectAsList()) {
      redemptions.add(new PointsLedger.Redemption(string(r, "redemption_id"), string(r, "user_id"), date(r, "date"),
          ((Number) r.get(r.fieldIndex("points"))).longValue()));
    }
    int validYears = (int) params.number("carbon_inclusion.points_valid_years");
    PointsLedger ledger = PointsLedger.replay(earnings, redemptions, validYears, yearEnd);
    ledger.check();

    List<Object[]> movementRows = new ArrayList<>();
    Map<String, Long> earnedInYear = new TreeMap<>();
    for (PointsLedger.Movement m : ledger.movementsInYear(year)) {
      movementRows.add(new Object[] {region.id(), year, m.movementId(), JobSupport.sqlDate(m.date()), m.type(), m.userId(),
          m.debitAccount(), m.creditAccount(), m.points(), m.source()});
      if (m.type().equals("earn")) {
        earnedInYear.merge(m.userId(), m.points(), Long::sum);
      }
    }
    List<Object[]> redemptionRows = new ArrayList<>();
    int redemptionsRefused = 0;
    for (PointsLedger.Decision d : ledger.decisions()) {
      if (d.redemption().date().getYear() != year) {
        continue;
      }
      if (!d.posted()) {
        redemptionsRefused++;
      }
      redemptionRows.add(new Object[] {region.id(), year, d.redemption().redemptionId(), d.redemption().userId(),
          JobSupport.sqlDate(d.redemption().date()), d.redemption().points(), d.balanceBefore(), d.posted(), d.reason()});
    }

    Map<String, List<String>> violations = new TreeMap<>();
    List<Object[]> eventRows = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "credit_events", region)
        .where(col("date").between(java.sql.Date.valueOf(year + "-01-01"), java.sql.Date.valueOf(yearEndText)))
        .orderBy("event_id").collectAsList()) {
      String subject = string(r, "subject_id");
      String severity = string(r, "severity");
      CreditScore.Result one = CreditScore.compute(0, List.of(severity), params);
      violations.computeIfAbsent(subject, s -> new ArrayList<>()).add(severity);
      userTypes.putIfAbsent(subject, string(r, "subject_type"));
      eventRows.add(new Object[] {region.id(), year, string(r, "event_id"), subject, string(r, "subject_type"),
          JobSupport.sqlDate(date(r, "date")), string(r, "event_type"), severity, -one.violationPenalty(),
          string(r, "description")});
    }

    Map<String, PointsLedger.Account> accounts = new TreeMap<>();
    ledger.accounts().forEach(a -> accounts.put(a.userId(), a));
    violations.keySet().forEach(s -> accounts.putIfAbsent(s, new PointsLedger.Account(s, 0, 0, 0, 0)));
    List<Object[]> accountRows = new ArrayList<>();
    long earned = 0;
    long redeemed = 0;
    long expired = 0;
    long held = 0;
    for (PointsLedger.Account a : accounts.values()) {
      long inYear = earnedInYear.getOrDefault(a.userId(), 0L);
      CreditScore.Result score = CreditScore.compute(inYear, violations.getOrDefault(a.userId(), List.of()), params);
      accountRows.add(new Object[] {region.id(), year, JobSupport.sqlDate(yearEnd), a.userId(),
          Optional.ofNullable(userTypes.get(a.userId())).orElse(null), a.earned(), a.redeemed(), a.expired(), a.held(),
          inYear, score.violations(), score.pointsBonus(), score.violationPenalty(), score.score(), score.tier()});
      earned += a.earned();
      redeemed += a.redeemed();
      expired += a.expired();
      held += a.held();
    }

    String slice = JobSupport.regionYear(region, year);
    JobSupport.replace(run, InclusionTables.INCLUSION_ACTIVITIES, activityRows, slice);
    JobSupport.replace(run, InclusionTables.POINTS_MOVEMENTS, movementRows, slice);
    JobSupport.replace(run, InclusionTables.POINTS_REDEMPTIONS, redemptionRows, slice);
    JobSupport.replace(run, InclusionTables.POINTS_ACCOUNTS, accountRows, slice);
    JobSupport.replace(run, InclusionTables.CREDIT_EVENTS, eventRows, slice);
    return new Summary(activityRows.size(), refused, earned, redeemed, expired, held, redemptionsRefused,
        accountRows.size(), eventRows.size());
  }
}
