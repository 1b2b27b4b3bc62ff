package org.liangshan.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.market.RegistrationJob;
import org.liangshan.market.model.Pollutant;
import org.liangshan.market.model.Registration;
import org.liangshan.scheduler.jobs.Jobs;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registration", mixinStandardHelpOptions = true,
    description = "Market-entity registration.",
    subcommands = RegistrationCommand.Check.class)
final class RegistrationCommand implements Runnable {
  /** Exit status of a check that answers no. */
  static final int NOT_ELIGIBLE = 3;

  @Override
  public void run() {
    throw LiangshanException.badInput("Missing subcommand. Run 'liangshan registration check --help'.");
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {
        "May an enterprise register as a market entity? A new entity must hold eco-vouchers covering its",
        "occupation of each water-function zone's capacity, per pollutant, on the registration date.",
        "Prints yes or no with the reason and one line per zone and pollutant.",
        "The occupation is the latest year of gold.enterprise_occupation not after the date (run the market",
        "job first), or what --occupation states; holdings are the holdings ledger replayed to the date.",
        "Exit status: 0 yes, 3 no, 2 bad input (unknown region, bad date or --occupation), 1 failure."
      })
  static final class Check implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Parameters(index = "0", paramLabel = "ENTERPRISE", description = "Unified social credit code (USCC) of the enterprise.")
    String uscc;

    @Option(names = "--region", paramLabel = "REGION",
        description = "liyang or tianjin; default: the region whose registry has the enterprise.")
    String region;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Registration date (default: today, UTC).")
    String date;

    @Option(names = "--occupation", paramLabel = "ZONE:POLLUTANT=T_A",
        description = "Expected occupation instead of the recorded one, t/a (repeatable), e.g. LY-WFZ-01:TP=0.02.")
    List<String> occupation = new ArrayList<>();

    @Override
    public Integer call() {
      LocalDate on;
      try {
        on = date == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw LiangshanException.badInput("Invalid --date '%s': expected YYYY-MM-DD.", date);
      }
      Optional<List<Registration.Need>> stated = occupation.isEmpty() ? Optional.empty() : Optional.of(needs(occupation));
      Region given = region == null ? null : Regions.load(region);
      TableCatalog catalog = lakehouse.catalog();
      Region r = given != null ? given : find(catalog);
      ParameterSet params = ParameterSet.forRegion(r);
      String command = "liangshan registration check " + uscc + " --region " + r.id() + " --date " + on;
      Registration.Answer answer = Jobs.run(catalog, command, "registration", r, on.toString(), params,
          run -> RegistrationJob.check(run, r, uscc, on, stated));
      System.out.println(answer);
      return answer.eligible() ? Main.OK : NOT_ELIGIBLE;
    }

    private Region find(TableCatalog catalog) {
      for (Region candidate : Regions.all()) {
        Run run = Run.start(catalog, "liangshan registration check " + uscc, "registration-lookup", candidate.id(), "-",
            ParameterSet.forRegion(candidate).version());
        boolean known;
        try {
          known = RegistrationJob.knows(run, candidate, uscc);
          run.succeed(null);
        } catch (RuntimeException e) {
          run.fail(e);
          throw e;
        }
        if (known) {
          return candidate;
        }
      }
      throw LiangshanException.badInput("Enterprise %s is in no region's registry (%s); check the code or give --region.",
          uscc, String.join(", ", Regions.IDS));
    }

    static List<Registration.Need> needs(List<String> specs) {
      List<Registration.Need> needs = new ArrayList<>();
      for (String spec : specs) {
        int colon = spec.indexOf(':');
        int equals = spec.indexOf('=');
        if (colon <= 0 || equals <= colon + 1 || equals == spec.length() - 1) {
          throw LiangshanException.badInput("Invalid --occupation '%s': expected ZONE:POLLUTANT=T_A, e.g. LY-WFZ-01:TP=0.02.", spec);
        }
        double t;
        try {
          t = Double.parseDouble(spec.substring(equals + 1));
        } catch (NumberFormatException e) {
          throw LiangshanException.badInput("Invalid --occupation '%s': '%s' is not a number of t/a.", spec, spec.substring(equals + 1));
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
          throw LiangshanException.badInput("Invalid --occupation '%s': the occupation must be >= 0 t/a.", spec);
        }
        String pollutant = spec.substring(colon + 1, equals);
        String code = Pollutant.parse(pollutant).map(Pollutant::code).orElseThrow(() -> LiangshanException.badInput(
            "Invalid --occupation '%s': unknown pollutant '%s' (COD, NH3-N, TP or TN).", spec, pollutant));
        needs.add(new Registration.Need(spec.substring(0, colon), code, t, "stated with --occupation"));
      }
      return needs;
    }
  }
}
