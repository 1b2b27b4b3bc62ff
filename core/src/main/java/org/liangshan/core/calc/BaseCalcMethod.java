package org.liangshan.core.calc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The shared frame of a calc method: input checking, the output object and {@code parameter_set}.
 */
abstract class BaseCalcMethod implements CalcMethod {
  static final FieldSpec PARAMETER_SET =
      FieldSpec.output(
          "parameter_set", FieldType.STRING, "", "version of the parameter set the result used");

  private final String name;
  private final String description;
  private final List<FieldSpec> inputFields;
  private final List<FieldSpec> outputFields;

  BaseCalcMethod(
      String name, String description, List<FieldSpec> inputFields, List<FieldSpec> outputFields) {
    this.name = requireNonNull(name, "name is null");
    this.description = requireNonNull(description, "description is null");
    this.inputFields = List.copyOf(inputFields);
    List<FieldSpec> outputs = new ArrayList<>(outputFields);
    outputs.add(PARAMETER_SET);
    this.outputFields = List.copyOf(outputs);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<FieldSpec> inputFields() {
    return inputFields;
  }

  @Override
  public final List<FieldSpec> outputFields() {
    return outputFields;
  }

  @Override
  public final ObjectNode compute(JsonNode input, ParameterSet params) {
    requireNonNull(params, "params is null");
    CalcInput in = CalcInput.root(input, inputFields);
    ObjectNode out = CalcJson.NODES.objectNode();
    compute(in, params, out);
    out.put(PARAMETER_SET.name(), params.version());
    return out;
  }

  /** Reads {@code in}, calls the method class, writes the outputs into {@code out}. */
  abstract void compute(CalcInput in, ParameterSet params, ObjectNode out);

  static void put(ObjectNode out, String field, BigDecimal value) {
    out.put(field, CalcJson.normalized(value));
  }

  static void put(ObjectNode out, String field, double value) {
    if (!Double.isFinite(value)) {
      throw LiangshanException.failure(
          "Output '%s' is not a finite number (%s); the inputs are within range, so this is a"
              + " defect: report it.",
          field, value);
    }
    out.put(field, value);
  }
}
