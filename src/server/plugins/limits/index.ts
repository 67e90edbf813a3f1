/**
 * Query limits, checked before a query runs, each named in the error it gives: depth, aliases and
 * directives (GraphQL Armor's validation rules, cached with the validated document), tokens
 * (graphql-js's parser option) and an estimated cost (./cost.ts, checked per request, counted once
 * per document and values of the variables it depends on). A rejected query gets one error with
 * its own code, the limit, the value found and the configuration variable that sets the limit, and
 * HTTP status 400.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError, type ParseOptions, type ValidationRule } from 'graphql';
import { LIMIT_VARIABLES, type QueryLimits } from '../../../config.js';
import { ErrorCode } from '../../../domain/index.js';
import { COSTED_ARGUMENTS, estimateCost, type CostQuestion } from './cost.js';

export interface QueryLimitsOptions {
  /** The limits; every one is on. */
  readonly limits: QueryLimits;
}

export interface QueryLimitsSetup {
  /** For ApolloServer's `validationRules`. */
  readonly validationRules: ValidationRule[];
  /** For ApolloServer's `parseOptions`. */
  readonly parseOptions: ParseOptions;
  /** Checks the cost once the operation and its variables are known. */
  readonly plugin: ApolloServerPlugin;
  /** For the error formatter: what a client sees of an exceeded limit. */
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError | null;
}

/** What a client learns of an exceeded limit, in `extensions`. */
export interface LimitDetails {
  readonly code: ErrorCode;
  readonly limit: number;
  readonly value: number | null;
  readonly setting: string;
}

export function queryLimits({ limits }: QueryLimitsOptions): QueryLimitsSetup {
  return {
    validationRules: [
      armorRule(maxDepthRule, limits, 'maxDepth', ErrorCode.DEPTH_LIMIT_EXCEEDED, (n) => `nests fields ${n} levels deep`),
      armorRule(maxAliasesRule, limits, 'maxAliases', ErrorCode.ALIAS_LIMIT_EXCEEDED, (n) => `has ${n} aliases`),
      armorRule(maxDirectivesRule, limits, 'maxDirectives', ErrorCode.DIRECTIVE_LIMIT_EXCEEDED, (n) => `has ${n} directives`),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
    plugin: costLimitPlugin(limits.maxCost),
    formatError: (formatted, error) => formatLimitError(formatted, error, limits),
  };
}

type ArmorRule = (options: {
  n: number;
  flattenFragments?: boolean;
  propagateOnRejection: boolean;
  onReject: ((context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => void)[];
}) => ValidationRule;

/**
 * One of Armor's rules, reporting our error instead of its own. Armor words its message
 * "... limit of N exceeded, found M."; the value is read from there.
 */
function armorRule(
  rule: ArmorRule,
  limits: QueryLimits,
  key: 'maxDepth' | 'maxAliases' | 'maxDirectives',
  code: ErrorCode,
  describe: Describe,
): ValidationRule {
  const limit = limits[key];
  return rule({
    n: limit,
    // Depth counts fields, not the fragments around them: `... on Unit { commander { name } }` is 2.
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (context, armorError) => {
        const found = /found (\d+)/.exec(armorError.message)?.[1];
        const value = found === undefined ? null : Number(found);
        context?.reportError(
          limitError({ code, limit, value, setting: LIMIT_VARIABLES[key] }, describe),
        );
      },
    ],
  });
}

/** Says what the query has, given the value found ("has 16 aliases"). */
type Describe = (found: string) => string;

function limitError(details: LimitDetails, describe: Describe): GraphQLError {
  const found = details.value === null ? `more than ${details.limit}` : String(details.value);
  return new GraphQLError(
    `The query ${describe(found)}; the limit is ${details.limit} (${details.setting}).`,
    { extensions: { ...details, http: { status: 400 } } },
  );
}

function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo keeps each parsed and validated document in its document store and hands the same
  // object to every request with that query text, so a cost is counted once per document,
  // operation name and values of the variables the estimate reads (COSTED_ARGUMENTS): a client
  // asking `entity(id: $id)` for ever new ids is counted once. Only counts are kept, never "the
  // variables do not fit" (null), which other variables may make so; and a count over the limit
  // is trusted only for a document without variables, so that a request whose other variables do
  // not fit still gets BAD_USER_INPUT from execution, as an uncached count would give.
  const costs = new WeakMap<DocumentNode, Map<string, CostsOfOperation>>();
  const costOf = (question: CostQuestion): number | null => {
    let byOperation = costs.get(question.document);
    if (!byOperation) costs.set(question.document, (byOperation = new Map()));
    const operation = question.operationName ?? '';
    let known = byOperation.get(operation);
    if (!known) byOperation.set(operation, (known = costsOfOperation(question.document)));
    const key = JSON.stringify(known.counted.map((name) => (Object.hasOwn(question.variables, name) ? [question.variables[name]] : [])));
    const cached = known.costs.get(key);
    if (cached !== undefined && (cached <= maxCost || known.withoutVariables)) return cached;
    const cost = estimateCost(question);
    if (cost !== null && known.costs.size < MAX_COSTS_KEPT) known.costs.set(key, cost);
    return cost;
  };
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ schema, document, request, operationName }) {
      const cost = costOf({ schema, document, variables: request.variables ?? {}, operationName });
      if (cost === null || cost <= maxCost) return;
      throw limitError(
        { code: ErrorCode.COST_LIMIT_EXCEEDED, limit: maxCost, value: Number.isFinite(cost) ? cost : null, setting: LIMIT_VARIABLES.maxCost },
        (n) => `has an estimated cost of ${n}`,
      );
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/** Per document and operation, counts kept by the values of these variables, in this order (a list). */
interface CostsOfOperation {
  readonly counted: readonly string[];
  /** Whether the document takes no variables at all, so that a count kept is exact whatever it is. */
  readonly withoutVariables: boolean;
  readonly costs: Map<string, number>;
}

/** Counts kept per document and operation at most: past it, new variable values are counted each time. */
const MAX_COSTS_KEPT = 256;

/** The variables used in the document's COSTED_ARGUMENTS (of every operation and fragment: a superset is safe). */
function costsOfOperation(document: DocumentNode): CostsOfOperation {
  const counted = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (!COSTED_ARGUMENTS.has(argument.name.value)) return;
      visit(argument.value, { Variable: (variable) => void counted.add(variable.name.value) });
    },
  });
  return { counted: [...counted], withoutVariables: takesNoVariables(document), costs: new Map() };
}

function takesNoVariables(document: DocumentNode): boolean {
  return document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || !d.variableDefinitions?.length);
}

const LIMIT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.DEPTH_LIMIT_EXCEEDED,
  ErrorCode.ALIAS_LIMIT_EXCEEDED,
  ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
  ErrorCode.TOKEN_LIMIT_EXCEEDED,
  ErrorCode.COST_LIMIT_EXCEEDED,
]);

/**
 * A client's view of an error that a limit caused, or null for any other error. Apollo wraps
 * validation errors in its own (code GRAPHQL_VALIDATION_FAILED) and parse errors too; the limit
 * error is the original one. The token limit is graphql-js's own parse error.
 */
function formatLimitError(formatted: GraphQLFormattedError, error: unknown, limits: QueryLimits): GraphQLFormattedError | null {
  const { maxTokens } = limits;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof GraphQLError && LIMIT_CODES.has(String(original.extensions['code']))) {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, extensions };
  }
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    const details: LimitDetails = {
      code: ErrorCode.TOKEN_LIMIT_EXCEEDED,
      limit: maxTokens,
      value: null,
      setting: LIMIT_VARIABLES.maxTokens,
    };
    return { message: limitError(details, (n) => `has ${n} tokens`).message, extensions: { ...details } };
  }
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/.test(formatted.message)) {
    // graphql-js parses recursively: with MAX_QUERY_TOKENS set high, a query nested deeply enough
    // overflows the parser's stack before the depth rule can count it. That is the depth limit's
    // business, and the engine's message must not reach the client.
    const details: LimitDetails = {
      code: ErrorCode.DEPTH_LIMIT_EXCEEDED,
      limit: limits.maxDepth,
      value: null,
      setting: LIMIT_VARIABLES.maxDepth,
    };
    return { message: limitError(details, (n) => `nests fields ${n} levels deep`).message, extensions: { ...details } };
  }
  return null;
}
