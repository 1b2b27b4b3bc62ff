package org.liangshan.market;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * Carbon inclusion (碳普惠) and eco-points (METHODOLOGY.md section 8): reductions and points per activity, the
 * points ledger, redemptions as judged, per-user accounts with the green-credit score, and the credit events
 * behind it. The market job replaces one (region, year) slice of each.
 */
public final class InclusionTables implements TableProvider {

  public static final TableDef INCLUSION_ACTIVITIES =
      TableDef.builder(Layer.GOLD, "inclusion_activities", "Carbon-inclusion activities: reduction = activity x (baseline - project factor), points at the published rate")
          .string("region", "region id")
          .required("year", IntegerType, "year of the activity")
          .string("activity_id", "activity")
          .string("user_id", "person, enterprise or organisation")
          .string("user_type", "person, enterprise or organisation")
          .string("scenario", "public_transport, new_energy_vehicle, ev_charging, waste_sorting or clean_agriculture")
          .required("activity_date", DateType, "date")
          .number("activity", "activity in the scenario's unit")
          .string("unit", "pkm, km, kWh, kg or mu")
          .optional("baseline_kgco2_per_unit", org.apache.spark.sql.types.DataTypes.DoubleType, "baseline factor (carbon_inclusion.<scenario>)")
          .optional("project_kgco2_per_unit", org.apache.spark.sql.types.DataTypes.DoubleType, "project factor")
          .number("reduction_kgco2", "activity x (baseline - project); 0 when refused")
          .required("points", LongType, "reduction x carbon_inclusion.points_per_kg_co2, rounded down")
          .string("status", "credited, or refused: <why> (unit not the scenario's)")
          .audit()
          .check("points_non_negative", "points >= 0")
          .partitionBy("region")
          .naturalKey("region", "activity_id")
          .build();

  public static final TableDef POINTS_MOVEMENTS =
      TableDef.builder(Layer.GOLD, "points_movements", "Double-entry movements of eco-points: earn, redeem, expire")
          .string("region", "region id")
          .required("year", IntegerType, "year of the movement")
          .string("movement_id", "type:id")
          .required("movement_date", DateType, "date")
          .string("movement_type", "earn, redeem or expire")
          .string("user_id", "user")
          .string("debit_account", "account receiving the points")
          .string("credit_account", "account giving the points")
          .required("points", LongType, "points moved (> 0)")
          .string("source", "activity, redemption or validity")
          .audit()
          .check("points_positive", "points > 0")
          .check("two_accounts", "debit_account <> credit_account")
          .partitionBy("region")
          .naturalKey("region", "movement_id")
          .build();

  public static final TableDef POINTS_REDEMPTIONS =
      TableDef.builder(Layer.GOLD, "points_redemptions", "Redemption requests as judged: posted, or refused with the reason")
          .string("region", "region id")
          .required("year", IntegerType, "year of the request")
          .string("redemption_id", "redemption")
          .string("user_id", "user")
          .required("redemption_date", DateType, "date")
          .required("points", LongType, "points asked for")
          .required("balance_before", LongType, "points held before the request")
          .required("posted", BooleanType, "true when posted to the ledger")
          .string("reason", "posted, or why refused")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "redemption_id")
          .build();

  public static final TableDef POINTS_ACCOUNTS =
      TableDef.builder(Layer.GOLD, "points_accounts", "Eco-points per user at the end of a year, with the green-credit score and tier")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .required("as_of", DateType, "31 December of the year")
          .string("user_id", "user")
          .optional("user_type", StringType, "person, enterprise or organisation")
          .required("earned_points", LongType, "earned since the first record")
          .required("redeemed_points", LongType, "redeemed since the first record")
          .required("expired_points", LongType, "expired since the first record")
          .required("held_points", LongType, "held at the date: earned - redeemed - expired")
          .required("earned_in_year", LongType, "earned in the year (the score bonus basis)")
          .required("violations", IntegerType, "negative credit events in the year")
          .required("points_bonus", LongType, "score bonus for the year's points")
          .required("violation_penalty", LongType, "score penalty of the year's violations")
          .required("credit_score", LongType, "base + bonus - penalty, clamped (carbon_inclusion.credit)")
          .string("credit_tier", "tier of the score")
          .audit()
          .check("never_negative", "held_points >= 0")
          .check("balances", "earned_points = held_points + redeemed_points + expired_points")
          .partitionBy("region")
          .naturalKey("region", "year", "user_id")
          .build();

  public static final TableDef CREDIT_EVENTS =
      TableDef.builder(Layer.GOLD, "credit_events", "Negative credit events (violations) and their score effect")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("event_id", "event")
          .string("subject_id", "party")
          .string("subject_type", "person, enterprise or organisation")
          .required("event_date", DateType, "date")
          .string("event_type", "violation")
          .string("severity", "minor, serious or grave")
          .required("score_delta", LongType, "negative: carbon_inclusion.credit.violation_penalty.<severity>")
          .optional("description", StringType, "what happened")
          .audit()
          .check("negative", "score_delta < 0")
          .partitionBy("region")
          .naturalKey("region", "event_id")
          .build();

  public static final List<TableDef> ALL =
      List.of(INCLUSION_ACTIVITIES, POINTS_MOVEMENTS, POINTS_REDEMPTIONS, POINTS_ACCOUNTS, CREDIT_EVENTS);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
