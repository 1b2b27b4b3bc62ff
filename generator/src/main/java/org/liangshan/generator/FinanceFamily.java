package org.liangshan.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code finance/banks.csv}, {@code loans.csv}, {@code pledges.csv}, {@code repayments.csv},
 * {@code borrowers.csv}, {@code rights_register.csv}, {@code bank_qualitative.csv} and, for Tianjin,
 * {@code green_projects.csv}.
 *
 * <p>Loans are secured by pledges of issued rights held by the borrower (quantity at most the holding, each
 * right pledged once), sized at 50–70 % of the pledged value. Exactly one pledge is a deliberate second pledge
 * of a right already pledged under another active loan, so the platform's double-pledge refusal is exercised.
 * Repayments are principal instalments each quarter up to the end of the last year; a loan's outstanding
 * balance is its principal less those repayments.
 */
final class FinanceFamily {
  private static final String[] GIVEN = {"明", "华", "强", "军", "平", "芳", "英", "伟", "勇", "静", "林", "红"};

  private FinanceFamily() {}

  /** Reference prices (yuan per unit) to size loans on pledged rights. */
  static double referencePrice(MarketFamily.Right right, Context context) {
    return switch (right.type()) {
      case MarketFamily.CARBON_QUOTA -> 88;
      case MarketFamily.CARBON_SINK -> 45;
      case MarketFamily.ECO_VOUCHER -> MarketFamily.benchmark(zone(context, right.zoneId()), right.subject()) * 1.2;
      case MarketFamily.DISCHARGE_RIGHT -> right.subject().equals("COD") ? 5500 : 10000;
      case MarketFamily.FOREST_RIGHT -> 90_000;
      case MarketFamily.ENERGY_USE -> 120;
      case MarketFamily.GREEN_CERTIFICATE -> 20;
      default -> 50_000;
    };
  }

  private static org.liangshan.core.region.WaterFunctionZone zone(Context context, String id) {
    return context.region().zones().stream().filter(z -> z.id().equals(id)).findFirst().orElse(context.region().zones().get(0));
  }

  record Loan(String id, String bankId, Enterprises.Enterprise borrower, LocalDate disbursedOn, LocalDate maturesOn, double principal, double rate, String rating, String projectId) {}

  static void generate(Context context) {
    boolean tianjin = context.region().id().equals("tianjin");
    String prefix = MarketFamily.prefix(context);
    int files = tianjin ? 8 : 7;
    Output.Family family = context.output().family("finance", files);
    List<String[]> banks = context.profile().banks();
    try (Output.Csv csv = family.csv("finance/banks.csv", "银行编码", "银行名称", "银行类型")) {
      for (String[] bank : banks) {
        csv.row(bank[0], bank[1], bank[2]);
      }
    }
    List<String> projects = tianjin ? greenProjects(context, family, prefix) : List.of();

    List<MarketFamily.Right> rights = MarketFamily.rights(context);
    Map<String, Enterprises.Enterprise> byCode = new LinkedHashMap<>();
    for (Enterprises.Enterprise e : context.enterprises()) {
      byCode.put(e.uscc(), e);
    }
    Set<String> pledgeable = Set.of(MarketFamily.CARBON_QUOTA, MarketFamily.CARBON_SINK, MarketFamily.ECO_VOUCHER, MarketFamily.DISCHARGE_RIGHT, MarketFamily.FOREST_RIGHT);
    List<MarketFamily.Right> candidates =
        rights.stream().filter(r -> pledgeable.contains(r.type()) && byCode.containsKey(r.holder())).toList();
    int wanted = (tianjin ? 24 : 12) * context.scale();
    SplittableRandom random = context.rng("finance", "loans");
    List<Loan> loans = new ArrayList<>();
    List<Object[]> pledges = new ArrayList<>();
    Set<String> used = new HashSet<>();
    LocalDate end = LocalDate.of(context.request().lastYear(), 12, 31);
    List<int[]> activePledges = new ArrayList<>(); // [loan index, right index]
    int attempts = 0;
    while (loans.size() < wanted && attempts < wanted * 50 && !candidates.isEmpty()) {
      attempts++;
      int r = random.nextInt(candidates.size());
      MarketFamily.Right right = candidates.get(r);
      if (used.contains(right.id())) {
        continue;
      }
      LocalDate earliest = right.issuedOn().plusDays(10);
      LocalDate latest = right.validUntil().minusMonths(6).isBefore(end.minusMonths(1)) ? right.validUntil().minusMonths(6) : end.minusMonths(1);
      if (!earliest.isBefore(latest)) {
        continue;
      }
      used.add(right.id());
      LocalDate disbursed = earliest.plusDays(random.nextInt((int) (latest.toEpochDay() - earliest.toEpochDay())));
      // The loan matures while the pledged right is still valid.
      int[] terms = {36, 24, 12, 6};
      int termMonths = 0;
      for (int term : terms) {
        if (!disbursed.plusMonths(term).isAfter(right.validUntil()) && (termMonths == 0 || random.nextBoolean())) {
          termMonths = term;
        }
      }
      if (termMonths == 0) {
        continue;
      }
      LocalDate matures = disbursed.plusMonths(termMonths);
      double fraction = Seeds.uniform(random, 0.4, 1.0);
      double pledgedQuantity = right.quantity() * fraction;
      pledgedQuantity = right.unit().equals("tCO2e") ? Math.max(1, Math.floor(pledgedQuantity)) : Math.floor(pledgedQuantity * 10_000) / 10_000;
      if (pledgedQuantity <= 0) {
        continue;
      }
      double value = pledgedQuantity * referencePrice(right, context);
      double principal = Math.round(value * Seeds.uniform(random, 0.5, 0.7) / 10_000) * 10_000.0;
      if (principal < 100_000) {
        continue;
      }
      String rating = new String[] {"A", "B", "C", "none"}[random.nextInt(4)];
      double rate = 0.0385 - switch (rating) {
        case "A" -> 0.006;
        case "B" -> 0.004;
        case "C" -> 0.002;
        default -> 0;
      } + Seeds.uniform(random, -0.002, 0.008);
      String project = !projects.isEmpty() && random.nextDouble() < 0.5 ? projects.get(random.nextInt(projects.size())) : null;
      String bank = banks.get(random.nextInt(banks.size()))[0];
      String loanId = String.format("%s-LN-%d-%04d", prefix, disbursed.getYear(), loans.size() + 1);
      Loan loan = new Loan(loanId, bank, byCode.get(right.holder()), disbursed, matures, principal, rate, rating, project);
      loans.add(loan);
      String status = matures.isAfter(end) ? "有效" : "解除";
      pledges.add(new Object[] {loanId, right.id(), MarketFamily.quantity(pledgedQuantity), disbursed.toString(), status});
      if (status.equals("有效")) {
        activePledges.add(new int[] {loans.size() - 1, rights.indexOf(right)});
      }
    }
    // The deliberate second pledge: a new loan to the same holder pledging a right that is already pledged.
    if (!activePledges.isEmpty()) {
      int[] target = activePledges.get(random.nextInt(activePledges.size()));
      Loan first = loans.get(target[0]);
      MarketFamily.Right right = rights.get(target[1]);
      LocalDate disbursed = first.disbursedOn().plusDays(30);
      if (disbursed.isAfter(end)) {
        disbursed = end;
      }
      String loanId = String.format("%s-LN-%d-%04d", prefix, disbursed.getYear(), loans.size() + 1);
      double quantity = right.unit().equals("tCO2e") ? Math.max(1, Math.floor(right.quantity() * 0.3)) : Math.floor(right.quantity() * 0.3 * 10_000) / 10_000;
      double principal = Math.max(10_000, Math.round(quantity * referencePrice(right, context) * 0.5 / 10_000) * 10_000.0);
      LocalDate matures = disbursed.plusMonths(12).isAfter(right.validUntil()) ? right.validUntil() : disbursed.plusMonths(12);
      loans.add(new Loan(loanId, first.bankId(), first.borrower(), disbursed, matures, principal, first.rate() + 0.003, "none", null));
      pledges.add(new Object[] {loanId, right.id(), MarketFamily.quantity(quantity), disbursed.toString(), "有效"});
    }

    List<Object[]> repayments = new ArrayList<>();
    try (Output.Csv csv =
        family.csv("finance/loans.csv", "贷款编号", "银行编码", "借款人", "借款人名称", "放款日期", "到期日", "本金(元)", "余额(元)", "利率", "绿色评级", "项目编号")) {
      for (Loan loan : loans) {
        int quarters = (int) Math.round((loan.maturesOn().toEpochDay() - loan.disbursedOn().toEpochDay()) / 91.3);
        quarters = Math.max(1, quarters);
        double instalment = Math.floor(loan.principal() / quarters * 100) / 100;
        double repaid = 0;
        for (int q = 1; q <= quarters; q++) {
          LocalDate due = loan.disbursedOn().plusMonths(3L * q);
          if (due.isAfter(end)) {
            break;
          }
          double amount = q == quarters ? loan.principal() - repaid : instalment;
          repaid += amount;
          repayments.add(new Object[] {loan.id(), due.toString(), Output.fixed(amount, 2)});
        }
        csv.row(
            loan.id(), loan.bankId(), loan.borrower().uscc(), loan.borrower().name(), loan.disbursedOn().toString(), loan.maturesOn().toString(),
            Output.fixed(loan.principal(), 2), Output.fixed(Math.max(0, loan.principal() - repaid), 2), Output.fixed(loan.rate(), 4), loan.rating(), loan.projectId());
      }
    }
    try (Output.Csv csv = family.csv("finance/pledges.csv", "质押编号", "贷款编号", "权证编号", "质押数量", "质押日期", "状态")) {
      int n = 0;
      for (Object[] pledge : pledges) {
        n++;
        csv.row(String.format("%s-PL-%05d", prefix, n), pledge[0], pledge[1], pledge[2], pledge[3], pledge[4]);
      }
    }
    try (Output.Csv csv = family.csv("finance/repayments.csv", "贷款编号", "还款日期", "还款金额(元)")) {
      for (Object[] repayment : repayments) {
        csv.row(repayment);
      }
    }
    try (Output.Csv csv =
        family.csv("finance/borrowers.csv", "统一社会信用代码", "年度", "企业价值EVIC(元)", "股本(元)", "负债(元)", "排放量(tCO2e)", "数据质量")) {
      Set<String> seen = new HashSet<>();
      for (Loan loan : loans) {
        Enterprises.Enterprise e = loan.borrower();
        if (!seen.add(e.uscc())) {
          continue;
        }
        SplittableRandom r = context.rng("finance", "borrowers", e.uscc());
        double emissions = Enterprises.annualEmissionsTco2(e);
        double equity = Math.max(5e6, loan.principal() * Seeds.uniform(r, 3, 12));
        double debt = equity * Seeds.uniform(r, 0.4, 1.6);
        int quality = e.industry().equals("钢铁") || e.industry().equals("水泥") ? 1 + r.nextInt(2) : 3 + r.nextInt(3);
        for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
          double growth = Math.pow(1.03, year - context.request().firstYear());
          double yearEquity = equity * growth;
          double yearDebt = debt * growth * Seeds.uniform(r, 0.95, 1.05);
          double evic = yearEquity * Seeds.uniform(r, 0.9, 1.5) + yearDebt;
          csv.row(e.uscc(), year, Output.fixed(evic, 2), Output.fixed(yearEquity, 2), Output.fixed(yearDebt, 2), Output.fixed(emissions * Seeds.uniform(r, 0.95, 1.05), 1), quality);
        }
      }
    }
    rightsRegister(context, family, prefix);
    try (Output.Csv csv = family.csv("finance/bank_qualitative.csv", "银行编码", "季度", "政策执行", "制度建设", "支持产业")) {
      for (String[] bank : banks) {
        SplittableRandom r = context.rng("finance", "qualitative", bank[0]);
        double level = Seeds.uniform(r, 65, 90);
        for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
          for (int quarter = 1; quarter <= 4; quarter++) {
            level = Math.max(40, Math.min(98, level + Seeds.uniform(r, -2, 3)));
            csv.row(
                bank[0], year + "-Q" + quarter,
                Output.fixed(Math.min(100, level + Seeds.uniform(r, -5, 5)), 1),
                Output.fixed(Math.min(100, level + Seeds.uniform(r, -8, 4)), 1),
                Output.fixed(Math.min(100, level + Seeds.uniform(r, -6, 6)), 1));
          }
        }
      }
    }
  }

  private static List<String> greenProjects(Context context, Output.Family family, String prefix) {
    String[][] categories = {
      {"清洁能源", "光伏发电项目", "可再生能源装机与年发电量达标"},
      {"节能环保", "余热余压利用项目", "单位产品能耗较基准下降15%以上"},
      {"生态环境", "湿地修复项目", "修复面积与生物多样性指标"},
      {"基础设施绿色升级", "污水处理提标项目", "出水达到地表水准IV类"},
      {"清洁生产", "清洁生产改造项目", "通过清洁生产审核"},
      {"绿色服务", "碳资产管理服务项目", "服务减排量可核证"}
    };
    String[] places = {"蓟州", "宝坻", "武清", "宁河", "静海", "滨海", "西青", "津南", "北辰", "东丽"};
    List<String> ids = new ArrayList<>();
    try (Output.Csv csv = family.csv("finance/green_projects.csv", "项目编号", "项目名称", "类别", "评级", "评级依据", "入库日期")) {
      int count = 30 * context.scale();
      for (int k = 1; k <= count; k++) {
        SplittableRandom random = context.rng("finance", "green-projects", Integer.toString(k));
        String[] category = categories[random.nextInt(categories.length)];
        String id = String.format("%s-GP-%04d", prefix, k);
        String rating = random.nextDouble() < 0.35 ? "A" : random.nextDouble() < 0.6 ? "B" : "C";
        LocalDate listed = LocalDate.of(context.request().firstYear() - 1, 1, 1).plusDays(random.nextInt(365 * (context.request().years() + 1)));
        csv.row(id, places[random.nextInt(places.length)] + category[1] + k, category[0], rating, category[2], listed.toString());
        ids.add(id);
      }
    }
    return ids;
  }

  private static void rightsRegister(Context context, Output.Family family, String prefix) {
    Landscape base = context.baseLandscape();
    byte[] cover = context.baseLandCover(context.request().firstYear());
    List<Enterprises.Enterprise> forestFarms = context.enterprises().stream().filter(e -> e.industry().equals(Enterprises.FOREST_FARM)).toList();
    List<Integer> forest = new ArrayList<>();
    List<Integer> water = new ArrayList<>();
    List<Integer> crop = new ArrayList<>();
    for (int i = 0; i < cover.length; i++) {
      int lc = cover[i] & 0xFF;
      if (!base.grid.inside(i)) {
        continue;
      }
      if (Landscape.isForest(lc)) {
        forest.add(i);
      } else if (lc == 60) {
        water.add(i);
      } else if (lc == 10) {
        crop.add(i);
      }
    }
    int count = (context.region().id().equals("tianjin") ? 120 : 60) * context.scale();
    String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "史", "潘", "蒋"};
    try (Output.Csv csv =
        family.csv("finance/rights_register.csv", "不动产单元号", "权利类型", "权利人", "面积(亩)", "植被类型", "林龄(年)", "区县", "经度", "纬度")) {
      for (int k = 1; k <= count; k++) {
        SplittableRandom random = context.rng("finance", "register", Integer.toString(k));
        double u = random.nextDouble();
        String type;
        List<Integer> cells;
        if (u < 0.5 && !forest.isEmpty()) {
          type = "林权";
          cells = forest;
        } else if (u < 0.7 && !water.isEmpty()) {
          type = "水域滩涂养殖权";
          cells = water;
        } else {
          type = "土地承包经营权";
          cells = crop;
        }
        int cell = cells.get(random.nextInt(cells.size()));
        int lc = cover[cell] & 0xFF;
        double lon = base.grid.lon(cell % base.grid.width) + Seeds.uniform(random, -0.4, 0.4) * base.grid.pixel;
        double lat = base.grid.lat(cell / base.grid.width) + Seeds.uniform(random, -0.4, 0.4) * base.grid.pixel;
        var district = context.region().districts().get(base.grid.district[cell]);
        String holder;
        if (type.equals("林权") && !forestFarms.isEmpty() && random.nextDouble() < 0.6) {
          holder = forestFarms.get(random.nextInt(forestFarms.size())).uscc();
        } else {
          holder = surnames[random.nextInt(surnames.length)] + "某" + GIVEN[random.nextInt(GIVEN.length)];
        }
        double area = type.equals("林权") ? Seeds.uniform(random, 20, 3000) : type.equals("水域滩涂养殖权") ? Seeds.uniform(random, 10, 500) : Seeds.uniform(random, 3, 200);
        String vegClass = type.equals("林权") ? vegName(lc) : type.equals("土地承包经营权") ? "CROP" : null;
        String parcel =
            String.format("%s%03d%03dG%s%05d%s%08d", district.code().substring(0, 6), 1 + random.nextInt(20), 1 + random.nextInt(30), type.equals("林权") ? "L" : "B", k, type.equals("林权") ? "L" : "W", 0);
        csv.row(
            parcel, type, holder, Output.fixed(area, 2), vegClass,
            type.equals("林权") ? Integer.toString(5 + random.nextInt(55)) : null,
            district.name(), Output.fixed(lon, 5), Output.fixed(lat, 5));
      }
    }
  }

  private static String vegName(int code) {
    return switch (code) {
      case 21 -> "ENF";
      case 22 -> "EBF";
      case 23 -> "DNF";
      case 24 -> "DBF";
      default -> "MF";
    };
  }
}
