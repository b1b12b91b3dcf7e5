// Folding and tokenising (text.js) agree with the Python indexer (scripts/search/folding.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, fixture, plain } = require("./engine");

const { text } = loadEngine().crchSearch;

test("fold and indexTerms give what Python gives, on the shared table", () => {
  const cases = fixture("folding.json");
  assert.ok(cases.length > 20);
  for (const [input, folded, terms] of cases) {
    assert.equal(text.fold(input), folded, input);
    assert.deepEqual(plain(text.indexTerms(input)), terms, input);
  }
});

test("tokens carry their positions in the text", () => {
  assert.deepEqual(plain(text.tokens("Ligji 03/L-047!")), [
    { start: 0, end: 5, text: "Ligji" }, { start: 6, end: 14, text: "03/L-047" }]);
});

test("only a joined token has pieces", () => {
  assert.equal(text.hasJoiner("roma-ashkali"), true);
  assert.equal(text.hasJoiner("roma"), false);
  assert.deepEqual(plain(text.tokenPieces("roma")), []);
  assert.deepEqual(plain(text.tokenPieces("roma-ashkali-2017")), ["roma", "ashkali", "2017", "roma-ashkali", "ashkali-2017"]);
});

test("escapeHtml escapes everything that could open markup or an attribute", () => {
  assert.equal(text.escapeHtml(`<b a="x" b='y'>&</b>`), "&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;&amp;&lt;/b&gt;");
});
