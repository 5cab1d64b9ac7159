/**
 * Go-style names for the functions of a program's bundle, used as `SourceLoc.fn`:
 *
 * - a named function, or an anonymous one bound to a variable or an object key, keeps that name
 *   (`worker`); class methods are `Class.method`;
 * - the entry module's default export is `main`, whatever it is called;
 * - an anonymous closure is `<enclosing>.funcN`, N counting the anonymous closures of the
 *   enclosing function in source order, as Go numbers func literals (`main.func1`);
 * - code outside any function (module initialisation) is `init`.
 *
 * Names come from the original source, not the bundle: esbuild renames colliding top-level names
 * (`main2`) and records the original in the source map's `names`, which `originalName` returns.
 * Functions esbuild generated (module wrappers) are transparent: they open no scope.
 */
import type * as acorn from "acorn";

export interface Scope {
  readonly name: string;
  /** Anonymous closures numbered so far directly inside this function. */
  anon: number;
  readonly root: boolean;
}

export interface FunctionNamer {
  readonly root: Scope;
  /** Names `fn` (a function or class node) before the walk reaches it: its binding in the bundle and its original name. */
  hint(fn: acorn.AnyNode | null | undefined, bundleName: string, name: string): void;
  /** The scope a function opens; `scope` itself for generated code. */
  enter(fn: acorn.Function, scope: Scope): Scope;
  /** The original name of a class, for its methods. */
  className(cls: acorn.Class): string | undefined;
}

export interface NamerInput {
  /** The original name of an identifier of the bundle, or undefined when it is not in user code. */
  readonly originalName: (id: acorn.Identifier) => string | undefined;
  /** Whether a node starts in the user's code (not generated, not node_modules). */
  readonly isUserCode: (node: acorn.Node) => boolean;
  /** The bundle name bound to the entry module's default export. */
  readonly defaultExport: string | undefined;
}

const FUNCTION_TYPES = new Set(["FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration", "ClassExpression", "ClassDeclaration"]);

export function createFunctionNamer(input: NamerInput): FunctionNamer {
  const hints = new Map<acorn.AnyNode, { bundleName: string; name: string }>();
  const root: Scope = { name: "init", anon: 0, root: true };

  function ownName(fn: acorn.Function | acorn.Class): { bundleName: string; name: string } | undefined {
    if (fn.id) return { bundleName: fn.id.name, name: input.originalName(fn.id) ?? fn.id.name };
    return hints.get(fn as acorn.AnyNode);
  }

  return {
    root,
    hint(fn, bundleName, name) {
      if (fn && FUNCTION_TYPES.has(fn.type) && !hints.has(fn)) hints.set(fn, { bundleName, name });
    },
    enter(fn, scope) {
      if (!input.isUserCode(fn)) return scope;
      const own = ownName(fn);
      if (own && scope.root && own.bundleName === input.defaultExport) return { name: "main", anon: 0, root: false };
      return { name: own?.name ?? `${scope.name}.func${++scope.anon}`, anon: 0, root: false };
    },
    className(cls) {
      return ownName(cls)?.name;
    },
  };
}

/**
 * The bundle name of the entry module's default export. esbuild's CommonJS output ends the entry
 * module's prologue with `__export(entry_exports, { default: () => NAME })` followed by
 * `module.exports = __toCommonJS(entry_exports)`.
 */
export function findDefaultExport(program: acorn.Program): string | undefined {
  const exportsObject = program.body.map(entryExportsName).find((name) => name !== undefined);
  if (!exportsObject) return undefined;
  for (const statement of program.body) {
    const call = statement.type === "ExpressionStatement" ? statement.expression : undefined;
    if (call?.type !== "CallExpression" || !isIdentifier(call.callee, "__export")) continue;
    const [target, all] = call.arguments;
    if (!isIdentifier(target, exportsObject) || all?.type !== "ObjectExpression") continue;
    for (const prop of all.properties) {
      if (prop.type !== "Property" || !isIdentifier(prop.key, "default")) continue;
      const getter = prop.value;
      if (getter.type === "ArrowFunctionExpression" && getter.body.type === "Identifier") return getter.body.name;
    }
  }
  return undefined;
}

function entryExportsName(statement: acorn.Statement | acorn.ModuleDeclaration): string | undefined {
  if (statement.type !== "ExpressionStatement" || statement.expression.type !== "AssignmentExpression") return undefined;
  const { left, right } = statement.expression;
  const isModuleExports =
    left.type === "MemberExpression" && isIdentifier(left.object, "module") && isIdentifier(left.property, "exports");
  if (!isModuleExports || right.type !== "CallExpression" || !isIdentifier(right.callee, "__toCommonJS")) return undefined;
  const arg = right.arguments[0];
  return arg?.type === "Identifier" ? arg.name : undefined;
}

export function isIdentifier(node: acorn.AnyNode | null | undefined, name?: string): node is acorn.Identifier {
  return node?.type === "Identifier" && (name === undefined || node.name === name);
}

/** The static name of a property key (`foo`, `"foo"`, `#foo`), or undefined when computed. */
export function keyName(key: acorn.AnyNode, computed: boolean): string | undefined {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  return undefined;
}
