package org.liangshan.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunctionName;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Repartition;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowCreateTable;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.plans.logical.ShowPartitions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableProperties;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Tail;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ShowCatalogsCommand;
import org.apache.spark.sql.execution.command.ShowCreateTableCommand;
import org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand;
import org.apache.spark.sql.execution.command.ShowTablesCommand;
import org.liangshan.core.LiangshanException;
import scala.collection.Iterator;

/**
 * The read-only check of {@code liangshan sql} and {@code warehouse sql}: a statement is accepted only when Spark's
 * parser turns it into a plan made of query operators alone (an allow-list of plan classes), or into one of the
 * metadata commands DESCRIBE, SHOW and EXPLAIN of such a query. Everything else is refused, whatever its first
 * word: DML behind a CTE ({@code WITH x AS (SELECT 1) DELETE FROM ...}), CREATE/ALTER/DROP, INSERT, MERGE, CACHE,
 * REFRESH, CALL, ANALYZE, SET, ADD JAR, TRANSFORM (a shell command), more than one statement, and any operator a
 * later Spark adds until it is listed here. The functions that call arbitrary Java methods ({@code reflect},
 * {@code java_method}) are refused too. A statement the parser cannot read is refused with the parser's message.
 */
final class ReadOnlyStatement {
  /** Operators a query's parsed plan is made of (exact classes: a subclass is not trusted). */
  private static final Set<Class<?>> QUERY_OPERATORS = Set.of(
      Project.class, Filter.class, Aggregate.class, Join.class, LateralJoin.class, Sort.class, GlobalLimit.class,
      LocalLimit.class, Offset.class, Tail.class, Union.class, Intersect.class, Except.class, Distinct.class,
      SubqueryAlias.class, UnresolvedWith.class, OneRowRelation.class, LocalRelation.class, UnresolvedRelation.class,
      UnresolvedInlineTable.class, UnresolvedTableValuedFunction.class, UnresolvedTVFAliases.class,
      UnresolvedSubqueryColumnAliases.class, UnresolvedHaving.class, Window.class, WithWindowDefinition.class,
      Generate.class, Pivot.class, Unpivot.class, Sample.class, RelationTimeTravel.class, UnresolvedHint.class,
      Repartition.class, RepartitionByExpression.class, PlanWithUnresolvedIdentifier.class);
  /** Metadata commands that read the catalog only; their children are unresolved names. */
  private static final Set<Class<?>> METADATA_COMMANDS = Set.of(
      DescribeRelation.class, DescribeColumn.class, DescribeNamespace.class, DescribeFunction.class,
      ShowTables.class, ShowTableExtended.class, ShowNamespaces.class, ShowColumns.class, ShowViews.class,
      ShowFunctions.class, ShowPartitions.class, ShowTableProperties.class, ShowCreateTable.class, ShowCreateTableCommand.class,
      ShowCatalogsCommand.class, ShowCurrentNamespaceCommand.class, ShowTablesCommand.class);
  /** What a metadata command's children may be. */
  private static final Set<Class<?>> NAME_REFERENCES = Set.of(
      UnresolvedTableOrView.class, UnresolvedTable.class, UnresolvedNamespace.class, UnresolvedRelation.class, UnresolvedFunctionName.class);
  /** Functions that call a Java method by name: a query could change the JVM's state through them. */
  private static final Set<String> CODE_CALLING_FUNCTIONS = Set.of("reflect", "java_method");

  private ReadOnlyStatement() {}

  /**
   * Parses {@code sql} and returns it when it is read-only; otherwise a bad-input error naming what was refused.
   */
  static String check(ParserInterface parser, String sql) {
    requireNonNull(parser, "parser is null");
    requireNonNull(sql, "sql is null");
    LogicalPlan plan;
    try {
      plan = parser.parsePlan(sql);
    } catch (ParseException e) {
      throw LiangshanException.badInput("Only one read-only statement is accepted here (a query, DESCRIBE, SHOW, or "
          + "EXPLAIN of a query), and Spark's parser cannot read this one: %s", e.getMessage().strip());
    }
    String refused = refusal(plan);
    if (refused != null) {
      throw LiangshanException.badInput("Only read-only statements are accepted here (a query, DESCRIBE, SHOW, or EXPLAIN "
          + "of a query), not this one: it contains %s. Writes go through the platform's jobs, which record them in the "
          + "run log.", refused);
    }
    return sql;
  }

  /** What makes {@code plan} not read-only, or null when it is. */
  static String refusal(LogicalPlan plan) {
    if (plan instanceof ExplainCommand explain) {
      return queryRefusal(explain.logicalPlan());
    }
    if (plan instanceof DescribeQueryCommand describe) {
      return queryRefusal(describe.plan());
    }
    if (METADATA_COMMANDS.contains(plan.getClass())) {
      for (LogicalPlan child : list(plan.children().iterator())) {
        if (!NAME_REFERENCES.contains(child.getClass())) {
          return name(child);
        }
      }
      return null;
    }
    return queryRefusal(plan);
  }

  /** Walks every operator of a query, its CTE definitions and the plans of its subquery expressions. */
  private static String queryRefusal(LogicalPlan root) {
    Deque<LogicalPlan> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      LogicalPlan node = pending.pop();
      if (!QUERY_OPERATORS.contains(node.getClass())) {
        return name(node);
      }
      list(node.children().iterator()).forEach(pending::push);
      for (QueryPlan<?> inner : list(node.innerChildren().iterator())) {
        if (!(inner instanceof LogicalPlan logical)) {
          return name(inner);
        }
        pending.push(logical);
      }
      for (Expression expression : list(node.expressions().iterator())) {
        String refused = expressionRefusal(expression, pending);
        if (refused != null) {
          return refused;
        }
      }
    }
    return null;
  }

  private static String expressionRefusal(Expression root, Deque<LogicalPlan> plans) {
    Deque<Expression> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expression expression = pending.pop();
      if (expression instanceof PlanExpression<?> subquery) {
        if (!(subquery.plan() instanceof LogicalPlan logical)) {
          return name((QueryPlan<?>) subquery.plan());
        }
        plans.push(logical);
      }
      if (expression instanceof UnresolvedFunction function) {
        String functionName = function.nameParts().last().toLowerCase(Locale.ROOT);
        if (CODE_CALLING_FUNCTIONS.contains(functionName)) {
          return "the function " + functionName + " (it calls Java methods)";
        }
      }
      list(expression.children().iterator()).forEach(pending::push);
    }
    return null;
  }

  private static String name(QueryPlan<?> node) {
    return node.nodeName() + " (" + node.getClass().getSimpleName() + ")";
  }

  private static <T> java.util.List<T> list(Iterator<T> iterator) {
    java.util.List<T> out = new java.util.ArrayList<>();
    while (iterator.hasNext()) {
      out.add(iterator.next());
    }
    return out;
  }
}
