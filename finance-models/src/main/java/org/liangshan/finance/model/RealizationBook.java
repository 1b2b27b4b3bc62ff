package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.GepRealization;

/**
 * The GEP realization of a region's year from its source rows (docs/methods/realization-rate.md): each auction
 * award, trade, ledger entry and loan credited to a district is an {@link Item}; {@link #totals} adds them up per
 * district, and {@link Totals#realization} gives core's {@link GepRealization}: realized = trading +
 * compensation, eco-finance beside it. Spark-free: the job reads the rows, this adds them.
 */
public final class RealizationBook {
  private RealizationBook() {}

  /** What an item counts towards: the realized value (trading, compensation) or the finance beside it. */
  public enum Component {
    TRADING("trading"),
    COMPENSATION("compensation"),
    ECO_FINANCE("eco_finance");

    private final String id;

    Component(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Where an item comes from; each channel belongs to one component. */
  public enum Channel {
    AUCTION("auction", Component.TRADING),
    TRADE("trade", Component.TRADING),
    LEDGER("ledger", Component.COMPENSATION),
    LOAN_ISSUED("loan_issued", Component.ECO_FINANCE),
    LOAN_OUTSTANDING("loan_outstanding", Component.ECO_FINANCE);

    private final String id;
    private final Component component;

    Channel(String id, Component component) {
      this.id = id;
      this.component = component;
    }

    public String id() {
      return id;
    }

    public Component component() {
      return component;
    }
  }

  /** Which eco-finance figure {@code eco_finance_yuan} is: loans issued in the year, or their balance on 31 December. */
  public enum Basis {
    ISSUED("issued"),
    OUTSTANDING("outstanding");

    private final String id;

    Basis(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** {@code realization.eco_finance_basis}; anything else is bad input naming the parameter set. */
    public static Basis of(String text, String parameterSet) {
      for (Basis b : values()) {
        if (b.id.equals(text)) {
          return b;
        }
      }
      throw LiangshanException.badInput("Parameter set %s: realization.eco_finance_basis is '%s'; expected issued or outstanding.",
          parameterSet, text);
    }
  }

  /** One source row credited to a district (or to the unattributed remainder), to the fen. */
  public record Item(Channel channel, String sourceTable, String sourceId, String districtCode, BigDecimal amountYuan, String basis) {
    public Item {
      requireNonNull(channel, "channel is null");
      requireNonNull(sourceTable, "sourceTable is null");
      requireNonNull(sourceId, "sourceId is null");
      requireNonNull(districtCode, "districtCode is null");
      requireNonNull(amountYuan, "amountYuan is null");
    }
  }

  /** The sums of a district's items, one per channel. */
  public record Totals(BigDecimal auctionYuan, BigDecimal tradeYuan, BigDecimal compensationYuan, BigDecimal ecoFinanceIssuedYuan,
      BigDecimal ecoFinanceOutstandingYuan) {
    public static final Totals ZERO = new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Totals plus(Item item) {
      BigDecimal a = item.amountYuan();
      return switch (item.channel()) {
        case AUCTION -> new Totals(auctionYuan.add(a), tradeYuan, compensationYuan, ecoFinanceIssuedYuan, ecoFinanceOutstandingYuan);
        case TRADE -> new Totals(auctionYuan, tradeYuan.add(a), compensationYuan, ecoFinanceIssuedYuan, ecoFinanceOutstandingYuan);
        case LEDGER -> new Totals(auctionYuan, tradeYuan, compensationYuan.add(a), ecoFinanceIssuedYuan, ecoFinanceOutstandingYuan);
        case LOAN_ISSUED -> new Totals(auctionYuan, tradeYuan, compensationYuan, ecoFinanceIssuedYuan.add(a), ecoFinanceOutstandingYuan);
        case LOAN_OUTSTANDING -> new Totals(auctionYuan, tradeYuan, compensationYuan, ecoFinanceIssuedYuan, ecoFinanceOutstandingYuan.add(a));
      };
    }

    public Totals plus(Totals o) {
      return new Totals(auctionYuan.add(o.auctionYuan), tradeYuan.add(o.tradeYuan), compensationYuan.add(o.compensationYuan),
          ecoFinanceIssuedYuan.add(o.ecoFinanceIssuedYuan), ecoFinanceOutstandingYuan.add(o.ecoFinanceOutstandingYuan));
    }

    public BigDecimal tradingYuan() {
      return auctionYuan.add(tradeYuan);
    }

    /** The realization against {@code gepYuan}: trading + compensation realized, the basis's eco-finance beside it. */
    public GepRealization realization(Basis basis, BigDecimal gepYuan) {
      BigDecimal ecoFinance = switch (basis) {
        case ISSUED -> ecoFinanceIssuedYuan;
        case OUTSTANDING -> ecoFinanceOutstandingYuan;
      };
      return new GepRealization(tradingYuan(), compensationYuan, ecoFinance, gepYuan);
    }
  }

  /**
   * The totals of each key (a district code or the unattributed remainder), in the order of {@code keys}. A source
   * row is counted once: the same row credited twice to one district in one channel is a failure, not a sum.
   */
  public static Map<String, Totals> totals(List<Item> items, List<String> keys) {
    Map<String, Totals> totals = new LinkedHashMap<>();
    for (String key : keys) {
      totals.put(key, Totals.ZERO);
    }
    Set<String> seen = new HashSet<>();
    for (Item item : items) {
      Totals t = totals.get(item.districtCode());
      if (t == null) {
        throw LiangshanException.failure("%s %s is credited to '%s', which is not a district of the region nor the unattributed row.",
            item.sourceTable(), item.sourceId(), item.districtCode());
      }
      if (!seen.add(item.channel().id() + "|" + item.sourceId() + "|" + item.districtCode())) {
        throw LiangshanException.failure("%s %s is credited twice to %s as %s: a source row counts once.", item.sourceTable(),
            item.sourceId(), item.districtCode(), item.channel().id());
      }
      totals.put(item.districtCode(), t.plus(item));
    }
    return totals;
  }
}
