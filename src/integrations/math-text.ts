/**
 * A formula as a line of plain text, for the search index: KaTeX's MathML
 * read in the order a reader says it, with subscripts, superscripts and
 * fractions kept apart. The MathML's bare text runs them together: e^{-x}
 * reads "e−x" (e minus x), x_{t+1} "xt+1", \sum_{j=1}^m "∑j=1m". Here they
 * read "e^(−x)", "x_(t+1)", "∑_(j=1)^m", and relations stand between spaces
 * so that an excerpt breaks around them.
 */

interface MathNode {
  name: string;
  attrs: string;
  children: (MathNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === "#" ? String.fromCodePoint(Number(e[1] === "x" || e[1] === "X" ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? whole),
  );
}

/** Parse KaTeX's MathML: well-formed, no comments, no CDATA. */
function parse(xml: string): MathNode {
  const root: MathNode = { name: "#root", attrs: "", children: [] };
  const open = [root];
  for (const [, close, name, attrs, selfClosing, text] of xml.matchAll(/<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const top = open[open.length - 1];
    if (text !== undefined) top.children.push(decode(text));
    else if (close) {
      if (open.length > 1) open.pop();
    } else {
      const node: MathNode = { name, attrs, children: [] };
      top.children.push(node);
      if (!selfClosing) open.push(node);
    }
  }
  return root;
}

/** Relations and arrows: set between spaces at the formula's top level. */
const RELATIONS = new Set("=≠≈≡≤≥<>≪≫∼∝∈∉⊂⊆→←↦⇒⇔:".split(""));
const PRIMES = /^[′″‴]+$/;
/** Accents over a letter, as combining marks: \hat x → x̂. */
const ACCENTS: Record<string, string> = {
  "^": "\u0302",
  ˆ: "\u0302",
  "~": "\u0303",
  "˜": "\u0303",
  "¯": "\u0304",
  "‾": "\u0304",
  "˙": "\u0307",
  "→": "\u20d7",
};
/** Function application (after "tanh"): a space before an argument without brackets. */
const APPLY = "\u2061";

const elements = (node: MathNode) => node.children.filter((c): c is MathNode => typeof c !== "string");
const textOf = (node: MathNode | string): string => (typeof node === "string" ? node : node.children.map(textOf).join(""));

/** Large operators and limits: set apart from what they act on ("∑_(j=1)^m x_j"). */
const LARGE = /^(∑|∏|∫|∮|⋃|⋂|lim|max|min|sup|inf)$/;
/** After a fraction: a space before what follows it, if that is a factor ("1/m ∑_j", "2/m (x−μ)"). */
const FACTOR = "\ue000";

/** A script or fraction part: bare if it is one term ("x_(t+1)", "∣w∣", "∂x_t", "max"), else in brackets. */
function group(text: string): string {
  let rest = text;
  // Scripts belong to the term.
  for (let last = ""; last !== rest;) [last, rest] = [rest, rest.replace(/[_^](\([^()]*\)|[\p{L}\p{N}.∗]+)/gu, "")];
  // One letter, a word (max, small) or a number, or a norm; "2l" and "ms" are products.
  if (/^∂?(\p{L}|\p{L}{3,}|\p{N}+(\.\p{N}+)?|∣[^∣]*∣|∥[^∥]*∥)[′″‴∗]*$/u.test(rest) || [...text].length === 1) return text;
  if (/^\((?:[^()]|\([^()]*\))*\)$/.test(text)) return text;
  return `(${text})`;
}

function join(parts: string[]): string {
  let out = "";
  for (const part of parts) {
    if (out.endsWith(APPLY)) out = out.slice(0, -1) + (/^[([{|∣∥]/.test(part) ? "" : " ");
    if (out.endsWith(FACTOR)) out = out.slice(0, -1) + (/^[\p{L}\p{N}([∑∏√∂∥∣]/u.test(part) ? " " : "");
    out += part;
  }
  return out;
}

/** A large operator with its limits stands between spaces; other scripted bases do not. */
const scripted = (base: string, text: string) => (LARGE.test(base) ? ` ${text} ` : text);

function linear(node: MathNode | string, top: boolean): string {
  if (typeof node === "string") return node;
  const kids = elements(node);
  const inner = (n: MathNode | undefined) => (n ? linear(n, false).trim() : "");
  switch (node.name) {
    case "annotation":
    case "mphantom":
      return "";
    case "mi":
    case "mn":
    case "mtext":
      return textOf(node).replaceAll("\u00a0", " ");
    case "mo": {
      const op = textOf(node);
      if (LARGE.test(op)) return ` ${op} `;
      if (/separator="true"/.test(node.attrs)) return `${op} `;
      return top && RELATIONS.has(op) ? ` ${op} ` : op;
    }
    case "mspace":
      return " ";
    case "msub":
      return scripted(inner(kids[0]), `${inner(kids[0])}_${group(inner(kids[1]))}`);
    case "msup": {
      const sup = inner(kids[1]);
      return scripted(inner(kids[0]), PRIMES.test(sup) ? `${inner(kids[0])}${sup}` : `${inner(kids[0])}^${group(sup)}`);
    }
    case "msubsup": {
      const [base, sub, sup] = [inner(kids[0]), group(inner(kids[1])), inner(kids[2])];
      return scripted(base, PRIMES.test(sup) ? `${base}${sup}_${sub}` : `${base}_${sub}^${group(sup)}`);
    }
    case "mover":
    case "munder":
    case "munderover": {
      const base = inner(kids[0]);
      const mark = inner(kids[kids.length - 1]);
      if (node.name === "mover" && /accent="true"/.test(node.attrs) && ACCENTS[mark] && [...base].length === 1) return base + ACCENTS[mark];
      if (node.name === "mover") return scripted(base, `${base}^${group(mark)}`);
      if (node.name === "munder") return scripted(base, `${base}_${group(mark)}`);
      return scripted(base, `${base}_${group(inner(kids[1]))}^${group(mark)}`);
    }
    case "mfrac":
      return `${group(inner(kids[0]))}/${group(inner(kids[1]))}${FACTOR}`;
    case "msqrt":
      return `√${group(join(kids.map((k) => linear(k, false))).trim())}`;
    case "mroot":
      return `${group(inner(kids[1]))}√${group(inner(kids[0]))}`;
    case "mtable":
      // Rows (aligned lines, matrix rows) are separated by "; " unless a row ends in punctuation.
      return kids
        .map((row) => linear(row, top).trim())
        .filter(Boolean)
        .reduce((text, row) => (text === "" ? row : `${text}${/[,.;:]$/.test(text) ? " " : "; "}${row}`), "");
    case "mtr":
    case "mlabeledtr": {
      // A numbered equation's tag is a cell of its own: KaTeX puts it last, MathML's mlabeledtr first.
      const cells = kids.map((cell) => join(cell.children.map((c) => linear(c, top))).trim()).filter(Boolean);
      if (node.name === "mlabeledtr") cells.push(cells.shift() ?? "");
      return cells.join(" ");
    }
    default:
      return join(node.children.map((c) => linear(c, top && node.name !== "msqrt")));
  }
}

/** The text of one `<math>…</math>` element of KaTeX's output. */
export function mathText(mathml: string): string {
  return linear(parse(mathml), true).replaceAll(APPLY, "").replaceAll(FACTOR, "").replace(/\s+/g, " ").trim();
}

const KATEX_MATHML = /(<span class="katex-mathml">)(<math[\s>][\s\S]*?<\/math>)/g;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A page's HTML with each formula's MathML replaced by its text, for the search index only. */
export function withMathAsText(html: string): string {
  return html.replace(KATEX_MATHML, (_, span: string, math: string) => span + escape(mathText(math)));
}
