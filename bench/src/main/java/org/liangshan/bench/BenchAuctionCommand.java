package org.liangshan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.market.model.AuctionBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "auction", mixinStandardHelpOptions = true,
    description = {
      "Measure a computation on generated input (not a test). Prints the median of several runs, the",
      "ratio against a baseline measured in the same process, and peak heap memory.",
      "  auction   clear one eco-voucher auction (the invalid-bid screen, then uniform-price clearing, the",
      "            same code as the market job) against a plain sort of the same bids by price"
    })
final class BenchAuctionCommand implements Callable<Integer> {
  @Option(names = "--bids", defaultValue = "1000000", description = "Number of bids (default ${DEFAULT-VALUE}).")
  int bids;

  @Option(names = "--runs", defaultValue = "5", description = "Timed runs of each (default ${DEFAULT-VALUE}), after two warm-ups.")
  int runs;

  @Option(names = "--seed", defaultValue = "20250101", description = "Seed of the generated bids (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (bids < 1 || runs < 1) {
      throw LiangshanException.badInput("--bids and --runs must be >= 1 (got %d and %d).", bids, runs);
    }
    System.err.printf("generating %,d bids (seed %d)%n", bids, seed);
    Instant opens = Instant.parse("2025-05-05T01:00:00Z");
    Instant closes = Instant.parse("2025-05-12T09:00:00Z");
    BigDecimal reserve = new BigDecimal("2775.49");
    SplittableRandom random = new SplittableRandom(seed);
    List<AuctionBook.BidRow> rows = new ArrayList<>(bids);
    Set<String> known = new HashSet<>();
    long demand = 0;
    for (int i = 0; i < bids; i++) {
      String bidder = String.format("B%08d", i);
      if (random.nextInt(100) != 0) {
        known.add(bidder); // 1 % unknown bidders
      }
      long quantity = random.nextInt(200) == 0 ? 0 : 1 + random.nextInt(1000);
      // Prices in whole yuan from 90 % to 150 % of the reserve: many ties, about 1 in 6 below the reserve.
      BigDecimal price = BigDecimal.valueOf(Math.round(2775.49 * (0.9 + 0.6 * random.nextDouble())));
      BigDecimal deposit = price.multiply(BigDecimal.valueOf(quantity)).multiply(random.nextInt(100) == 0
          ? new BigDecimal("0.05") : new BigDecimal("0.10"));
      Instant submitted = random.nextInt(100) == 0 ? closes.plusSeconds(60) : opens.plusSeconds(random.nextInt(600_000));
      rows.add(new AuctionBook.BidRow(String.format("BID%09d", i), bidder, quantity, price, deposit, submitted));
      demand += quantity;
    }
    long supply = demand / 3;
    AuctionBook.Spec spec = new AuctionBook.Spec("BENCH", "ZONE", "TP", supply, opens, closes, "lowest_accepted", seed);
    BigDecimal depositRatio = new BigDecimal("0.10");

    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long[] auctionNanos = new long[runs];
    long[] sortNanos = new long[runs];
    long peak = 0;
    AuctionBook.Outcome outcome = null;
    // Two warm-ups, then the timed runs; the two measurements alternate which goes first, so neither always
    // runs on a heap the other has just filled.
    for (int run = -WARM_UPS; run < runs; run++) {
      boolean sortFirst = (run & 1) != 0;
      long sort = sortFirst ? plainSort(rows) : 0;
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      outcome = AuctionBook.run(spec, Optional.of(reserve), rows, known, depositRatio);
      long auction = System.nanoTime() - start;
      long used = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      if (!sortFirst) {
        sort = plainSort(rows);
      }
      if (run >= 0) {
        auctionNanos[run] = auction;
        sortNanos[run] = sort;
        peak = Math.max(peak, used);
      }
      System.err.printf("  %s: auction %.3f s, plain sort %.3f s%n", run < 0 ? "warm-up" : "run " + (run + 1), auction / 1e9,
          sort / 1e9);
    }
    double auctionMedian = median(auctionNanos) / 1e9;
    double sortMedian = median(sortNanos) / 1e9;
    var out = outcome.output().orElseThrow();
    long awarded = outcome.awards().stream().mapToLong(AuctionBook.AwardRow::quantity).sum();
    if (awarded != out.sold() || out.sold() > supply
        || outcome.awards().stream().anyMatch(a -> a.priceYuan().compareTo(out.clearingPrice()) != 0)) {
      throw LiangshanException.failure("Auction invariants broken: awarded %d, sold %d, supply %d.", awarded, out.sold(), supply);
    }
    System.out.printf("bench auction: %,d bids, supply %,d units, %d runs after %d warm-ups, alternating (heap max %,d MiB)%n",
        bids, supply, runs, WARM_UPS,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("  cleared at %s yuan, sold %,d, %,d winning bids, %,d rejected (screen and outbid)%n",
        out.clearingPrice().toPlainString(), out.sold(), outcome.awards().size(), outcome.rejections().size());
    System.out.printf("  auction (screen + clear): median %.3f s (%,.0f bids/s)%n", auctionMedian, bids / auctionMedian);
    System.out.printf("  plain sort of the same bids by price: median %.3f s%n", sortMedian);
    System.out.printf("  ratio auction / sort: %.2f%n", auctionMedian / sortMedian);
    System.out.printf("  peak heap during the auction (input included): %,d MiB%n", peak >> 20);
    return CommandLine.ExitCode.OK;
  }

  private static final int WARM_UPS = 2;

  /** The baseline: copy the bids and sort them by price, highest first (what any clearing must at least do). */
  private static long plainSort(List<AuctionBook.BidRow> rows) {
    System.gc();
    long start = System.nanoTime();
    List<AuctionBook.BidRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(AuctionBook.BidRow::priceYuan).reversed());
    long sort = System.nanoTime() - start;
    if (sorted.size() != rows.size()) {
      throw new IllegalStateException("sort lost bids");
    }
    return sort;
  }

  private static double median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    int n = copy.length;
    return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2.0;
  }
}
