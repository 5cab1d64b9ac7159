/**
 * Call-site instrumentation of a program's bundle: every call and `new` in the user's code tells
 * the runtime where it is, by writing a loc id into the cursor `__gs` (a `LocCursor`) just before
 * the call happens. The runtime reads `__gs.l` in every operation; the loader's table
 * (`locs[id]`) says which file, line, column and function that is.
 *
 * Rewrites (no newline is ever inserted, so line numbers stay those of the bundle):
 *   f(a, b)        →  f(a, (__gs.t = b, __gs.l = 17, __gs.t))     also `...xs` as the last argument
 *   f(a, x), f(() => {})  →  f(a, (__gs.l = 17, x))              a last argument that runs no code
 *   f()            →  (__gs.l = 17, f())                           callee free of calls, awaits, `?.`
 *   g().f()        →  g().f(...(__gs.l = 17, []))                  any other call without arguments
 *   new X(), new X →  (__gs.l = 17, new X())   /  new (g())(...(__gs.l = 17, []))
 *   for await (const x of E)  →  for await (const x of (__gs.t = E, __gs.l = 17, __gs.t))
 *
 * Invariant: the id is written after everything the call evaluates first (callee, arguments, the
 * awaits among them) and before the call itself, so nested calls and other goroutines running
 * during an `await` cannot leave a stale id behind. That is why a last argument that may run code
 * goes through the temporary `__gs.t` rather than `(__gs.l = 17, b)`, which would set the id
 * before `b` runs.
 * `super(...)` and esbuild's own helpers are left alone; tagged templates are not calls in ESTree.
 */
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import MagicString from "magic-string";
import { TraceMap, originalPositionFor, traceSegment, type DecodedSourceMap, type EncodedSourceMap, type SourceMapSegment } from "@jridgewell/trace-mapping";
import type { SourceLoc } from "../../runtime/index";
import { createFunctionNamer, findDefaultExport, isIdentifier, keyName, type FunctionNamer, type Scope } from "./function-names";

/** The global the worker sets to the run's `LocCursor` (plus the scratch field `t`). */
export const LOC_CURSOR_KEY = "goroscope.loc";
const C = "__gs";
export const PRELUDE = `var ${C} = globalThis[Symbol.for(${JSON.stringify(LOC_CURSOR_KEY)})];`;

export interface InstrumentInput {
  /** esbuild's CommonJS bundle. */
  readonly code: string;
  /** esbuild's source map of `code`, its sources resolved to absolute paths. */
  readonly map: EncodedSourceMap;
  /** The path to show for a source (relative to the cwd), or undefined when it is not user code (node_modules, virtual modules). */
  readonly userFile: (source: string) => string | undefined;
}

export interface InstrumentedBundle {
  readonly code: string;
  /** The call-site table; index 0 is unused (0 means "unknown"). */
  readonly locs: readonly SourceLoc[];
  /** Maps `code` straight to the original sources (absolute paths). */
  readonly sourceMap: DecodedSourceMap;
}

interface Position {
  readonly file: string;
  readonly line: number;
  /** 1-based, as editors and Go count. */
  readonly col: number;
  readonly name?: string;
}

export function instrumentBundle(input: InstrumentInput): InstrumentedBundle {
  const program = acorn.parse(input.code, { ecmaVersion: "latest", sourceType: "script", locations: true, allowReturnOutsideFunction: true, allowHashBang: true });
  const map = new TraceMap(input.map);
  const out = new MagicString(input.code);
  const locs: SourceLoc[] = [{ file: "", line: 0, col: 0, fn: "" }];
  const generated = esbuildGeneratedNames(program);

  const userPosition = (node: acorn.Node): Position | undefined => {
    const p = originalPositionFor(map, { line: node.loc!.start.line, column: node.loc!.start.column });
    const file = p.source === null ? undefined : input.userFile(p.source);
    return file === undefined ? undefined : { file, line: p.line!, col: p.column! + 1, ...(p.name ? { name: p.name } : {}) };
  };
  const namer = createFunctionNamer({
    originalName: (id) => {
      const at = userPosition(id);
      return at ? (at.name ?? id.name) : undefined;
    },
    isUserCode: (node) => userPosition(node) !== undefined,
    defaultExport: findDefaultExport(program),
  });
  const addLoc = (at: Position, fn: string): number => locs.push({ file: at.file, line: at.line, col: at.col, fn }) - 1;
  /** Function literals passed first to a call (`go(async () => ...)`), by the call's loc id: the closure's Go name goes into that loc. */
  const firstArgClosures = new Map<acorn.Node, number>();

  function onCall(node: acorn.CallExpression | acorn.NewExpression, scope: Scope): void {
    if (node.callee.type === "Super" || (isIdentifier(node.callee) && generated.has(node.callee.name))) return;
    const at = userPosition(siteNode(node));
    if (!at) return;
    const id = addLoc(at, scope.name);
    const first = node.arguments[0];
    if (first && (first.type === "ArrowFunctionExpression" || first.type === "FunctionExpression")) firstArgClosures.set(first, id);
    rewriteCall(out, input.code, node, id);
  }
  function onFunction(node: acorn.Function, inner: Scope): void {
    const id = firstArgClosures.get(node);
    if (id !== undefined) locs[id] = { ...locs[id], closure: inner.name };
  }
  function onForAwait(node: acorn.ForOfStatement, scope: Scope): void {
    const at = userPosition(node);
    if (!at) return;
    out.appendRight(node.right.start, `(${C}.t = `);
    out.prependLeft(node.right.end, `, ${C}.l = ${addLoc(at, scope.name)}, ${C}.t)`);
  }

  walk.recursive<Scope>(program, namer.root, visitors(namer, onCall, onForAwait, onFunction), walk.base);
  out.appendLeft(preludeOffset(program), PRELUDE);
  return { code: out.toString(), locs, sourceMap: composeMaps(out, map) };
}

function visitors(
  namer: FunctionNamer,
  onCall: (node: acorn.CallExpression | acorn.NewExpression, scope: Scope) => void,
  onForAwait: (node: acorn.ForOfStatement, scope: Scope) => void,
  onFunction: (node: acorn.Function, inner: Scope) => void,
): walk.RecursiveVisitors<Scope> {
  const base = walk.base as walk.RecursiveVisitors<Scope> & Record<string, walk.RecursiveVisitors<Scope>["Function"]>;
  return {
    Function(node, scope, callback) {
      // acorn-walk's callback takes the visitor to use as a third argument; its typings omit it.
      const c = callback as (node: acorn.AnyNode, state: Scope, visitor?: string) => void;
      const inner = namer.enter(node, scope);
      onFunction(node, inner);
      for (const param of node.params) c(param, inner, "Pattern");
      c(node.body, inner, node.expression ? "Expression" : "Statement");
    },
    Class(node, scope, c) {
      const owner = namer.className(node);
      for (const member of node.body.body) {
        if (member.type === "StaticBlock" || !member.value) continue;
        const name = keyName(member.key, member.computed);
        if (name !== undefined) namer.hint(member.value, name, owner ? `${owner}.${name}` : name);
      }
      base.Class!(node, scope, c);
    },
    VariableDeclarator(node, scope, c) {
      if (isIdentifier(node.id)) hintBinding(namer, node.init, node.id);
      base.VariableDeclarator!(node, scope, c);
    },
    Property(node, scope, c) {
      const name = keyName(node.key, node.computed);
      if (name !== undefined) namer.hint(node.value, name, name);
      base.Property!(node, scope, c);
    },
    CallExpression(node, scope, c) {
      // keepNames wraps named closures: `var f = __name(async () => {...}, "f")`.
      const [fn, name] = node.arguments;
      if (isIdentifier(node.callee, "__name") && name?.type === "Literal" && typeof name.value === "string") namer.hint(fn, name.value, name.value);
      onCall(node, scope);
      base.CallExpression!(node, scope, c);
    },
    NewExpression(node, scope, c) {
      onCall(node, scope);
      base.NewExpression!(node, scope, c);
    },
    ForOfStatement(node, scope, c) {
      if (node.await) onForAwait(node, scope);
      base.ForOfStatement!(node, scope, c);
    },
  };
}

function hintBinding(namer: FunctionNamer, init: acorn.Expression | null | undefined, id: acorn.Identifier): void {
  if (!init) return;
  const target = init.type === "CallExpression" && isIdentifier(init.callee, "__name") ? init.arguments[0] : init;
  namer.hint(target, id.name, id.name);
}

/** The node whose position a call reports: the method name of `obj.method()`, else the call's start. */
function siteNode(node: acorn.CallExpression | acorn.NewExpression): acorn.Node {
  let callee: acorn.Node = node.callee;
  if (callee.type === "SequenceExpression") callee = (callee as acorn.SequenceExpression).expressions.at(-1)!;
  if (callee.type === "MemberExpression" && !(callee as acorn.MemberExpression).computed) return (callee as acorn.MemberExpression).property;
  return node.type === "CallExpression" ? callee : node;
}

function rewriteCall(out: MagicString, code: string, node: acorn.CallExpression | acorn.NewExpression, id: number): void {
  const last = node.arguments.at(-1);
  if (last) {
    const value = last.type === "SpreadElement" ? last.argument : last;
    if (runsNoCode(value)) {
      out.appendRight(value.start, `(${C}.l = ${id}, `);
      out.prependLeft(value.end, ")");
    } else {
      out.appendRight(value.start, `(${C}.t = `);
      out.prependLeft(value.end, `, ${C}.l = ${id}, ${C}.t)`);
    }
  } else if (isPlainCallee(node.callee) && !(node.type === "CallExpression" && node.optional)) {
    out.appendRight(node.start, `(${C}.l = ${id}, `);
    out.prependLeft(node.end, ")");
  } else if (hasArgumentParens(code, node)) {
    out.prependLeft(node.end - 1, `...(${C}.l = ${id}, [])`);
  } else {
    out.prependLeft(node.end, `(...(${C}.l = ${id}, []))`);
  }
}

/** A callee whose evaluation runs no user code worth a loc and cannot suspend: `f`, `a.b.c`, `(0, a.b)`. */
function isPlainCallee(node: acorn.AnyNode): boolean {
  switch (node.type) {
    case "Identifier":
    case "ThisExpression":
    case "Literal":
      return true;
    case "MemberExpression":
      return !node.optional && (!node.computed || node.property.type === "Literal") && isPlainCallee(node.object);
    case "SequenceExpression":
      return node.expressions.every(isPlainCallee);
    default:
      return false;
  }
}

/**
 * An argument whose evaluation calls nothing, so the id may be set before it: a name, a literal,
 * a function or arrow literal. It also keeps V8 from naming an anonymous closure after `__gs.t`
 * in stack traces, as it would for `__gs.t = async () => {...}`.
 */
function runsNoCode(node: acorn.AnyNode): boolean {
  return node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || (node.type !== "SequenceExpression" && isPlainCallee(node));
}

/** Whether a call or `new` ends in its own argument list `(...)` (`new X` has none). */
function hasArgumentParens(code: string, node: acorn.CallExpression | acorn.NewExpression): boolean {
  if (node.type === "CallExpression") return true;
  const tail = code.slice(node.callee.end, node.end).replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, "");
  return tail.endsWith("()");
}

/** The CommonJS bundle's helpers (`__export`, `__toESM`, `__name`) and module initialisers (`require_x`, `init_x`). */
function esbuildGeneratedNames(program: acorn.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const d of statement.declarations) {
      if (!isIdentifier(d.id)) continue;
      const wraps = d.init?.type === "CallExpression" && (isIdentifier(d.init.callee, "__commonJS") || isIdentifier(d.init.callee, "__esm"));
      if (d.id.name.startsWith("__") || wraps) names.add(d.id.name);
    }
  }
  return names;
}

/** After the directive prologue (`"use strict";`), which must stay first to keep its meaning. */
function preludeOffset(program: acorn.Program): number {
  let offset = 0;
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement) || typeof statement.directive !== "string") break;
    offset = statement.end;
  }
  return offset;
}

/** Composes MagicString's edit map (instrumented → bundle) with esbuild's (bundle → sources). */
function composeMaps(out: MagicString, bundleMap: TraceMap): DecodedSourceMap {
  const edits = out.generateDecodedMap({ hires: "boundary" });
  const mappings = edits.mappings.map((line) =>
    line.flatMap((seg): SourceMapSegment[] => {
      if (seg.length !== 4 && seg.length !== 5) return [];
      const original = traceSegment(bundleMap, seg[2], seg[3]);
      if (original === null || original.length === 1) return [];
      const [, source, sourceLine, sourceColumn] = original;
      return [original.length === 5 ? [seg[0], source, sourceLine, sourceColumn, original[4]] : [seg[0], source, sourceLine, sourceColumn]];
    }),
  );
  return { version: 3, file: bundleMap.file ?? null, sources: [...bundleMap.resolvedSources], names: [...bundleMap.names], mappings };
}
