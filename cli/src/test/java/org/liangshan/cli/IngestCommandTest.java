package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.pipelines.ingest.LoadReport;
import picocli.CommandLine;

/**
 * The ingest command's usage and how it reports a held redelivery: exit status 2 and the exact command that
 * confirms it, which is the command as run plus --allow-shrink FILE. (The hold itself is proved with real
 * files and Delta tables in pipelines' RedeliveryGuardTest.)
 */
class IngestCommandTest {
  @Test
  void helpExplainsWhatIsHeldAndHowToConfirm() {
    CalcCommandTest.Result help = CalcCommandTest.run("ingest", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--allow-shrink=FILE", "HELD", "20 %", "empty", "quarantined", "Exit status 2");
    assertThat(help.err()).as("picocli formats descriptions: a lone % must be written %%").isEmpty();
  }

  @Test
  void aHeldRedeliveryExitsTwoWithTheCommandThatConfirmsIt() {
    IngestCommand command = new IngestCommand();
    new CommandLine(command).parseArgs("--region", "liyang", "--landing", "landing", "hydrology", "landing/liyang/hydrology/2024.csv",
        "--allow-shrink", "landing/liyang/hydrology/2023.csv");
    assertThat(command.allowShrink).containsExactly(Path.of("landing/liyang/hydrology/2023.csv"));
    String asRun = command.confirmCommand();
    assertThat(asRun).isEqualTo("liangshan ingest --region liyang --landing landing hydrology landing/liyang/hydrology/2024.csv"
        + " --allow-shrink landing/liyang/hydrology/2023.csv");

    LoadReport.Held held = new LoadReport.Held("hydrology", "liyang/hydrology/2024.csv", 10, 5, 5,
        "it would withdraw 5 of the 10 rows the file loaded before (50.0 %), more than the 20 % family hydrology allows");
    LoadReport report = new LoadReport(List.of(), List.of(), List.of(held));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      status = IngestCommand.print(List.of(report), Path.of("landing"), asRun);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(status).isEqualTo(Main.BAD_INPUT);
    assertThat(e.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "liyang/hydrology/2024.csv: HELD, not loaded: it would withdraw 5 of the 10 rows the file loaded before (50.0 %),"
            + " more than the 20 % family hydrology allows. Rows loaded before: 10, rows it would keep: 5, rows it would"
            + " withdraw: 5. Nothing changed.",
        "  To load it anyway (the withdrawn rows leave silver; the ledger records your confirmation):",
        "  " + asRun + " --allow-shrink landing/liyang/hydrology/2024.csv");
    assertThat(o.toString(StandardCharsets.UTF_8)).contains("Refused files: 0. Held redeliveries: 1.");
  }
}
