package org.liangshan.finance.publish;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The tables of publication, declared in {@code spec/tables/publication.yaml}: the review history of the
 * compensation ledger (append-only), loan pricing with the green project library, PCAF financed emissions and
 * the PBoC quarterly evaluation per bank. Rates and factors are DECIMAL(20, 10): exact decimals (a rate of
 * 0.0435 stays 0.0435).
 */
public final class PublicationTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/publication.yaml");

  public static final TableDef LEDGER_REVIEW_EVENTS = SPEC.table("ledger_review_events");
  public static final TableDef GREEN_PROJECT_LIBRARY = SPEC.table("green_project_library");
  public static final TableDef LOAN_PRICING = SPEC.table("loan_pricing");
  public static final TableDef FINANCED_EMISSIONS = SPEC.table("financed_emissions");
  public static final TableDef FINANCED_EMISSIONS_BY_BANK = SPEC.table("financed_emissions_by_bank");
  public static final TableDef PBOC_EVALUATION = SPEC.table("pboc_evaluation");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
