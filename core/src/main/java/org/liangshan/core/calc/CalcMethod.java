package org.liangshan.core.calc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * One method of {@code liangshan calc} (METHODOLOGY.md "The calc contract"): a thin JSON adapter
 * over a class of {@code org.liangshan.core.method}, the same code the batch jobs call.
 *
 * <p>{@link #compute} takes a JSON object with the snake_case input fields; optional inputs take
 * the parameter-set default. It returns the output fields as JSON numbers at full precision (money
 * in yuan, {@link java.math.BigDecimal} as a number, never a string) plus {@code parameter_set},
 * the version used. Bad input (missing field, wrong JSON type, out-of-range value, unknown extra
 * field) throws {@link org.liangshan.core.LiangshanException#badField} naming the field.
 */
public interface CalcMethod {
  /** The METHODOLOGY.md name, e.g. {@code casa}. */
  String name();

  /** One line for {@code --list}. */
  String description();

  List<FieldSpec> inputFields();

  /** Output fields, {@code parameter_set} last. */
  List<FieldSpec> outputFields();

  ObjectNode compute(JsonNode input, ParameterSet params);
}
