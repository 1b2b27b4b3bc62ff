package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exit codes and messages of registration check and bench that need no lakehouse. */
class RegistrationCommandTest {
  private static CalcCommandTest.Result run(String... args) {
    return CalcCommandTest.run(args);
  }

  @Test
  void helpDocumentsTheExitCodes() {
    CalcCommandTest.Result help = run("registration", "check", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("Exit status: 0 yes, 3 no, 2 bad input");
  }

  @Test
  void badInputExitsTwoWithTheReason() {
    CalcCommandTest.Result date = run("registration", "check", "E1", "--region", "liyang", "--date", "2024-13-01");
    assertThat(date.status()).isEqualTo(2);
    assertThat(date.err()).contains("Invalid --date '2024-13-01': expected YYYY-MM-DD.");
    CalcCommandTest.Result shape = run("registration", "check", "E1", "--region", "liyang", "--occupation", "TP=0.1");
    assertThat(shape.status()).isEqualTo(2);
    assertThat(shape.err()).contains("Invalid --occupation 'TP=0.1': expected ZONE:POLLUTANT=T_A");
    CalcCommandTest.Result pollutant = run("registration", "check", "E1", "--region", "liyang", "--occupation", "LY-WFZ-01:SO2=1");
    assertThat(pollutant.status()).isEqualTo(2);
    assertThat(pollutant.err()).contains("unknown pollutant 'SO2'");
    CalcCommandTest.Result negative = run("registration", "check", "E1", "--region", "liyang", "--occupation", "LY-WFZ-01:TP=-1");
    assertThat(negative.status()).isEqualTo(2);
    assertThat(negative.err()).contains("the occupation must be >= 0 t/a");
    CalcCommandTest.Result region = run("registration", "check", "E1", "--region", "atlantis");
    assertThat(region.status()).isEqualTo(2);
    assertThat(region.err()).contains("atlantis");
  }

  @Test
  void theAuctionBenchmarkClearsAndReportsItsRatio() {
    CalcCommandTest.Result unknown = run("bench", "sorting");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown benchmark 'sorting'", "'liangshan bench ingest'", "'liangshan bench auction'",
        "'liangshan bench zonal'", "'liangshan bench cluster'");
    CalcCommandTest.Result small = run("bench", "auction", "--bids", "2000", "--runs", "1");
    assertThat(small.status()).as(small.err()).isZero();
    assertThat(small.out()).contains("bench auction: 2,000 bids", "ratio auction / sort:", "peak heap during the auction");
  }
}
