import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** JSDoc text of a constant or property, and of the properties of the object literal it is built from. */
export interface ObjectDocs {
  doc?: string;
  properties: Map<string, ObjectDocs>;
}

/** Documentation of the top-level constants of some source files, by constant name. */
export type SourceDocs = Map<string, ObjectDocs>;

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);

/**
 * Reads the JSDoc comments of the top-level constants and functions in every non-test `.ts` file of a folder.
 * A property without a comment of its own takes the comment of the first documented constant its
 * value is built from, so `box: boxSchema` carries the comment of `boxSchema`.
 */
export function readSourceDocs(dir: string): SourceDocs {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .sort();
  const declarations: ts.VariableDeclaration[] = [];
  const docs: SourceDocs = new Map();
  for (const name of files) {
    const path = join(dir, name);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        declarations.push(...statement.declarationList.declarations);
      } else if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) {
        docs.set(statement.name.text, { doc: jsDocText(statement), properties: new Map() });
      }
    }
  }

  // Constant comments come first, because a property may refer to a constant declared after it.
  const constantDocs = new Map<string, string>();
  for (const declaration of declarations) {
    const doc = jsDocText(declaration);
    if (ts.isIdentifier(declaration.name) && doc !== undefined) {
      constantDocs.set(declaration.name.text, doc);
    }
  }

  for (const declaration of declarations) {
    if (!ts.isIdentifier(declaration.name)) {
      continue;
    }
    const literal = declaration.initializer ? findObjectLiteral(declaration.initializer) : undefined;
    docs.set(declaration.name.text, {
      doc: constantDocs.get(declaration.name.text),
      properties: literal ? propertyDocs(literal, constantDocs) : new Map(),
    });
  }
  return docs;
}

function propertyDocs(literal: ts.ObjectLiteralExpression, constantDocs: Map<string, string>): Map<string, ObjectDocs> {
  const properties = new Map<string, ObjectDocs>();
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      continue;
    }
    const nested = findObjectLiteral(property.initializer);
    properties.set(property.name.text, {
      doc: jsDocText(property) ?? referencedConstantDoc(property.initializer, constantDocs),
      properties: nested ? propertyDocs(nested, constantDocs) : new Map(),
    });
  }
  return properties;
}

/** Finds the object literal of `{ ... } as const`, `z.object({ ... })` and method chains on them. */
function findObjectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(expression)) {
    return expression;
  }
  if (ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isParenthesizedExpression(expression)) {
    return findObjectLiteral(expression.expression);
  }
  if (ts.isCallExpression(expression)) {
    const [first] = expression.arguments;
    const callee = expression.expression;
    if (ts.isPropertyAccessExpression(callee) && OBJECT_FACTORIES.has(callee.name.text) && first && ts.isObjectLiteralExpression(first)) {
      return first;
    }
    return findObjectLiteral(callee);
  }
  if (ts.isPropertyAccessExpression(expression)) {
    return findObjectLiteral(expression.expression);
  }
  return undefined;
}

function referencedConstantDoc(expression: ts.Node, constantDocs: Map<string, string>): string | undefined {
  if (ts.isIdentifier(expression) && constantDocs.has(expression.text)) {
    return constantDocs.get(expression.text);
  }
  let found: string | undefined;
  ts.forEachChild(expression, (child) => {
    found ??= referencedConstantDoc(child, constantDocs);
  });
  return found;
}

/** Returns the text of the JSDoc comment above a node on one line, without its tags. */
function jsDocText(node: ts.Node): string | undefined {
  const texts = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment)?.replace(/\s+/g, ' ').trim())
    .filter((text): text is string => text !== undefined && text.length > 0);
  return texts.length > 0 ? texts.join(' ') : undefined;
}
