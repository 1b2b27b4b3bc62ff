package org.liangshan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The auction benchmark on a small book: it clears with the market job's code, checks the auction's invariants
 * (awarded = sold ≤ supply, one clearing price) and prints its figures. Not a timing test: the times are printed,
 * never asserted.
 */
class BenchAuctionCommandTest {
  private static List<String> run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new BenchAuctionCommand()).execute(args);
      assertThat(exit).isZero();
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void clearsTheSeededBookAndReportsTheRatioAndPeakHeap() {
    List<String> lines = run("--bids", "20000", "--runs", "1");
    assertThat(lines.get(0)).startsWith("bench auction: 20,000 bids, supply ").contains("1 runs after 2 warm-ups, alternating");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  cleared at ").contains(" rejected (screen and outbid)"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  ratio auction / sort: "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  peak heap during the auction (input included): "));
  }

  @Test
  void theSameSeedClearsTheSameWay() {
    String first = run("--bids", "5000", "--runs", "1").get(1);
    assertThat(run("--bids", "5000", "--runs", "1").get(1)).isEqualTo(first);
    assertThat(run("--bids", "5000", "--runs", "1", "--seed", "7").get(1)).isNotEqualTo(first);
  }
}
