package org.liangshan.cli;

import java.io.PrintWriter;
import org.liangshan.bench.BenchCommand;
import org.liangshan.core.LiangshanException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code liangshan} command line. Exit status: 0 success, 2 bad usage or bad input, 1 failure. */
@Command(
    name = "liangshan",
    mixinStandardHelpOptions = true,
    version = "liangshan 0.1.0",
    description = {
      "Liangshan (两山): ecosystem accounting, rights market and green-finance reporting over a Delta lakehouse.",
      "",
      "Start with 'liangshan demo': it generates sample data for Liyang and Tianjin, runs the whole batch and",
      "prints where everything went."
    },
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      RunCommand.class,
      CalcCommand.class,
      ParamsCommand.class,
      TablesCommand.class,
      RunsCommand.class,
      LineageCommand.class,
      QuarantineCommand.class,
      SqlCommand.class,
      WarehouseCommand.class,
      DashboardsCommand.class,
      LedgerCommand.class,
      ExportCommand.class,
      ValuateCommand.class,
      RegistrationCommand.class,
      BenchCommand.class,
      ScheduleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "Missing command. Run 'liangshan --help'.");
  }

  public static void main(String[] args) {
    int status = execute(args);
    System.out.flush();
    System.err.flush();
    // Spark and Hadoop leave non-daemon threads behind: exit explicitly.
    Runtime.getRuntime().halt(status);
  }

  /** Runs a command line and returns its exit status (for tests). */
  public static int execute(String... args) {
    CommandLine line = new CommandLine(new Main());
    line.setExitCodeExceptionMapper(Main::exitCode);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      Throwable cause = userError(e);
      if (cause instanceof LiangshanException le) {
        err.println("liangshan: " + le.getMessage());
        if (le.kind() == LiangshanException.Kind.FAILURE && le.getCause() != null) {
          err.println("  caused by: " + le.getCause());
        }
      } else {
        err.println("liangshan: failed: " + e);
        e.printStackTrace(err);
      }
      err.flush();
      return exitCode(cause);
    });
    try {
      return line.execute(args);
    } finally {
      Lakehouse.closeAll();
    }
  }

  private static Throwable userError(Throwable e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof LiangshanException) {
        return t;
      }
      t = t.getCause();
    }
    return e;
  }

  static int exitCode(Throwable e) {
    if (e instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    if (e instanceof LiangshanException le) {
      return le.kind() == LiangshanException.Kind.BAD_INPUT ? BAD_INPUT : FAILURE;
    }
    return FAILURE;
  }
}
