package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.liangshan.core.money.Money;

/** A column of a catalogued table: name (unit in the name), Spark type, NOT NULL or not, and a comment. */
public record Column(String name, DataType type, boolean nullable, String comment) implements java.io.Serializable {
  /** The one decimal type for money in the whole lakehouse: DECIMAL(38, 6), yuan ({@link Money#STORAGE_SCALE}). */
  public static final DecimalType MONEY = DataTypes.createDecimalType(Money.STORAGE_PRECISION, Money.STORAGE_SCALE);

  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(comment, "comment is null");
  }

  public static Column required(String name, DataType type, String comment) {
    return new Column(name, type, false, comment);
  }

  public static Column optional(String name, DataType type, String comment) {
    return new Column(name, type, true, comment);
  }
}
