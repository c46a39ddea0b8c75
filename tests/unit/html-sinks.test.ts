/**
 * Raw HTML reaches the DOM in one place: components/Reader, after lib/extract/sanitize.ts. This test
 * reads every source file of the project (tracked, or new and not ignored) with TypeScript's parser and
 * fails on any other HTML sink or HTML parser: `innerHTML`/`outerHTML`/`srcdoc` assignment (also `+=`,
 * `el['innerHTML'] =`, a JSX attribute or an object-literal prop, which Preact would assign),
 * `insertAdjacentHTML`, `document.write`/`writeln`, `dangerouslySetInnerHTML`, `setHTMLUnsafe`,
 * `parseHTMLUnsafe`, `createContextualFragment`, `new DOMParser`, `execCommand('insertHTML')`.
 * ESLint catches the common assignments while editing; this is the check that cannot be disabled by
 * a comment. Reading `.innerHTML` is fine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
// Dot directories are tools' output (.output, .wxt, .git, scratch builds), never our sources.
const SKIP_DIRS = /^(?:node_modules|\.[^/]+|tests\/artifacts|bench\/results)(?:\/|$)/;

/** Where raw HTML may reach the DOM or be parsed: the reader component, the sanitiser and its inert parser. */
const ALLOWED = [/^components\/Reader[^/]*$/, /^lib\/extract\/sanitize\.ts$/, /^lib\/extract\/inert\.ts$/];

/**
 * Parsers in other files, each inert (a DOMParser or detached-range document runs no script and loads
 * nothing) and each feeding sanitize() or reading text only. They break the one-parser rule all the
 * same: they are listed so the rule can be enforced for everything else today, and each should move
 * to `parseInertDocument()` in lib/extract/sanitize.ts. An entry that no longer matches fails the test,
 * so the list can only shrink.
 */
const KNOWN_PARSERS: Record<string, string> = {};

const ASSIGNED_PROPS = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const SINK_CALLS = new Set(['insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe']);
const WRITE_CALLS = new Set(['write', 'writeln']);
const JSX_OR_PROP_NAMES = new Set(['dangerouslySetInnerHTML', 'innerHTML', 'outerHTML', 'srcdoc']);

interface Sink {
  line: number;
  kind: string;
}

function nameOf(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isComputedPropertyName(node)) return nameOf(node.expression);
  return undefined;
}

/** The property an access expression names: `a.b` and `a['b']` both give 'b'. */
function accessedName(node: ts.Expression): string | undefined {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isElementAccessExpression(inner)) return nameOf(inner.argumentExpression);
  return undefined;
}

/** Every raw-HTML sink or parser in one source file. */
function findHtmlSinks(source: string, fileName = 'sample.tsx'): Sink[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : fileName.endsWith('.js') || fileName.endsWith('.mjs') || fileName.endsWith('.cjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const sinks: Sink[] = [];
  const add = (node: ts.Node, what: string) => sinks.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, kind: what });

  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const prop = accessedName(node.left);
      if (prop && ASSIGNED_PROPS.has(prop)) add(node, `${prop} assignment`);
    }
    if (ts.isCallExpression(node)) {
      const callee = accessedName(node.expression) ?? nameOf(node.expression);
      if (callee && SINK_CALLS.has(callee)) add(node, callee);
      if (callee && WRITE_CALLS.has(callee) && ts.isPropertyAccessExpression(node.expression) && /(?:^|\.)document$/.test(node.expression.expression.getText(file))) {
        add(node, `document.${callee}`);
      }
      if (callee === 'execCommand' && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) && /^insertHTML$/i.test(node.arguments[0].text)) add(node, 'execCommand(insertHTML)');
      // Reflect.set(el, 'innerHTML', x), Object.defineProperty(el, 'innerHTML', ...), Object.assign(el, { innerHTML })
      const target = node.expression.getText(file);
      if (/^(?:Reflect\.set|Object\.defineProperty)$/.test(target)) {
        const prop = nameOf(node.arguments[1]);
        if (prop && ASSIGNED_PROPS.has(prop)) add(node, `${target}(${prop})`);
      }
    }
    if (ts.isNewExpression(node)) {
      const ctor = accessedName(node.expression) ?? nameOf(node.expression);
      if (ctor === 'DOMParser') add(node, 'new DOMParser');
    }
    if (ts.isJsxAttribute(node)) {
      const attr = nameOf(node.name as ts.Node);
      if (attr && JSX_OR_PROP_NAMES.has(attr)) add(node, `JSX ${attr}`);
    }
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)) && ts.isObjectLiteralExpression(node.parent)) {
      const prop = nameOf(node.name);
      if (prop && JSX_OR_PROP_NAMES.has(prop)) add(node, `${prop} prop`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sinks;
}

/** The project's source files: what git tracks or would track, or (outside a git checkout) the tree. */
function sourceFiles(): string[] {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\n')
      .filter(Boolean);
  } catch {
    files = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        const rel = relative(ROOT, full);
        if (SKIP_DIRS.test(rel)) continue;
        if (statSync(full).isDirectory()) walk(full);
        else files.push(rel);
      }
    };
    walk(ROOT);
  }
  return files.filter((f) => SOURCE.test(f) && !SKIP_DIRS.test(f) && existsSync(resolve(ROOT, f)));
}

describe('the HTML-sink scanner', () => {
  it.each([
    ['el.innerHTML = html;', 'innerHTML assignment'],
    ['el.outerHTML = html;', 'outerHTML assignment'],
    ['el.innerHTML += "<b>x</b>";', 'innerHTML assignment'],
    ["el['innerHTML'] = html;", 'innerHTML assignment'],
    ['(el as HTMLElement).innerHTML = html;', 'innerHTML assignment'],
    ['frame.srcdoc = html;', 'srcdoc assignment'],
    ['el.insertAdjacentHTML("beforeend", html);', 'insertAdjacentHTML'],
    ['document.write(html);', 'document.write'],
    ['win.document.writeln(html);', 'document.writeln'],
    ['const x = <div dangerouslySetInnerHTML={{ __html: html }} />;', 'JSX dangerouslySetInnerHTML'],
    ['const x = <div innerHTML={html} />;', 'JSX innerHTML'],
    ['h("div", { dangerouslySetInnerHTML: { __html: html } });', 'dangerouslySetInnerHTML prop'],
    ['Object.assign(el, { innerHTML: html });', 'innerHTML prop'],
    ["Reflect.set(el, 'innerHTML', html);", 'Reflect.set(innerHTML)'],
    ['const doc = new DOMParser().parseFromString(html, "text/html");', 'new DOMParser'],
    ['const doc = new win.DOMParser().parseFromString(html, "text/html");', 'new DOMParser'],
    ['const f = document.createRange().createContextualFragment(html);', 'createContextualFragment'],
    ['el.setHTMLUnsafe(html);', 'setHTMLUnsafe'],
    ['Document.parseHTMLUnsafe(html);', 'parseHTMLUnsafe'],
    ["document.execCommand('insertHTML', false, html);", 'execCommand(insertHTML)'],
  ])('finds %s', (code, kind) => {
    expect(findHtmlSinks(`declare const el: any, frame: any, html: string, win: any, h: any;\n${code}`).map((s) => s.kind)).toEqual([kind]);
  });

  it('leaves reads, comments, strings and look-alikes alone', () => {
    const code = [
      '// el.innerHTML = html; document.write(x)',
      '/* new DOMParser() */',
      'const a = el.innerHTML;',
      'const b = "el.innerHTML = x";',
      'if (el.innerHTML === x) {}',
      'stream.write(data);',
      'const c = { html: el.outerHTML };',
      'await locator.innerHTML();',
    ].join('\n');
    expect(findHtmlSinks(`declare const el: any, x: any, stream: any, data: any, locator: any;\n${code}`)).toEqual([]);
  });

  it('reports the line of each sink', () => {
    expect(findHtmlSinks('const a = 1;\n\nel.innerHTML = a;', 'a.ts')).toEqual([{ line: 3, kind: 'innerHTML assignment' }]);
  });
});

describe('the project’s source files', () => {
  const files = sourceFiles();

  it('are found (the scan has something to scan)', () => {
    expect(files).toContain('lib/extract/sanitize.ts');
    expect(files).toContain('lib/extract/pipeline.ts');
    expect(files.length).toBeGreaterThan(20);
  });

  it('put raw HTML into the DOM nowhere but components/Reader and lib/extract/sanitize.ts', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (ALLOWED.some((re) => re.test(file))) continue;
      const known = KNOWN_PARSERS[file];
      for (const sink of findHtmlSinks(readFileSync(resolve(ROOT, file), 'utf8'), file)) {
        if (known && sink.kind === known) continue;
        offenders.push(`${file}:${sink.line}: ${sink.kind}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('still need every known exception (fixed ones must leave the list)', () => {
    for (const [file, kind] of Object.entries(KNOWN_PARSERS)) {
      const path = resolve(ROOT, file);
      const kinds = existsSync(path) ? findHtmlSinks(readFileSync(path, 'utf8'), file).map((s) => s.kind) : [];
      expect(kinds, file).toContain(kind);
    }
  });

  it('the reader is where the one sink is', () => {
    const reader = files.filter((f) => /^components\/Reader[^/]*\.tsx$/.test(f) && !f.includes('.test.'));
    const sinks = reader.flatMap((f) => findHtmlSinks(readFileSync(resolve(ROOT, f), 'utf8'), f));
    expect(sinks.map((s) => s.kind)).toEqual(['JSX dangerouslySetInnerHTML']);
  });
});
