// What a query means (query.js): function words, prefixes, stems, typos, synonyms, ranking.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, wordsOf, plain, loadedIndex } = require("./engine");

const engine = loadEngine().crchSearch;
const { query } = engine;
const index = loadedIndex(engine, "query.json");
const termsOf = (word, typing = false) =>
  Object.fromEntries(Array.from(query.expand(index, word, typing, true), ([term, quality]) => [index.terms[term], quality]));
const ranked = text => plain(query.rank(index, text).pages.map(page => page.page.location));

test("the word being typed is marked; words come folded and once", () => {
  assert.deepEqual(plain(query.queryWords("Zaštita zastita pr")), [
    { typed: "zaštita", folded: "zastita", typing: false }, { typed: "pr", folded: "pr", typing: true }]);
  assert.equal(query.queryWords("pr ")[0].typing, false);
});

test("function words are not required, unless the query has nothing else", () => {
  assert.deepEqual(plain(query.concepts(index, query.queryWords("the office")).map(c => c.typed[0].folded)), ["office"]);
  assert.deepEqual(plain(query.concepts(index, query.queryWords("the")).map(c => c.typed[0].folded)), ["the"]);
});

test("a glossary name is one concept standing for every name of its term", () => {
  const [concept] = query.concepts(index, query.queryWords("avokati i popullit"));
  assert.deepEqual(plain(concept.typed.map(word => word.folded)), ["avokati", "i", "popullit"]);
  assert.deepEqual(plain(concept.alternatives.map(a => a.words.map(w => w.folded).join(" "))),
    ["avokati popullit", "ombudsman", "ombudsperson"], "a name's function words are dropped too");
  assert.deepEqual(ranked("ombudsman"), ["ombudsperson/"]);
});

test("prefixes: the word being typed always, a finished word from three letters", () => {
  assert.deepEqual(Object.keys(termsOf("of")), ["of"]);
  assert.ok("office" in termsOf("of", true) && "offices" in termsOf("of", true));
  assert.ok("offices" in termsOf("off"));
  assert.ok(termsOf("office").office > termsOf("office").offices, "the word itself ranks above its longer forms");
});

test("completions of a short prefix are the shortest words, at most COMPLETIONS of them", () => {
  const found = query.completions(index, "w");
  assert.ok(found.length >= 1 && found.every(term => index.terms[term].startsWith("w")));
  assert.deepEqual(plain(query.completions(index, "zzz")), []);
});

test("stems: a word of six letters or more also finds the words sharing all but its last three", () => {
  assert.equal(query.stemOf("returnees"), "return");
  assert.equal(query.stemOf("zastita"), "zasti");
  assert.equal(query.stemOf("roma"), null);
  assert.equal(query.stemOf("138/2020"), null);
  assert.ok("return" in termsOf("returnees"));
});

test("typos: one edit from five letters, two from eight, never in an act number, below every other match", () => {
  assert.equal(query.editsAllowed("rome"), 0);
  assert.equal(query.editsAllowed("romes"), 1);
  assert.equal(query.editsAllowed("discrimi"), 2);
  assert.equal(query.editsAllowed("138/2020"), 0);
  const typo = termsOf("discrimnation");
  assert.ok(typo.discrimination > 0 && typo.discrimination < termsOf("discrimination", true).discriminatory);
  assert.ok("repatriation" in termsOf("repatriaton"));
  assert.ok("discrimination" in termsOf("dsicrimination"), "two neighbours swapped are one edit");
  assert.deepEqual(termsOf("qwxyz"), {});
  assert.ok("repatriation" in termsOf("repta", true), "the word being typed matches the start of a word within its edits");
  assert.ok(!("repatriation" in termsOf("repta")));
});

test("every term of the index is reachable through the TokenSet and found as typed", () => {
  const all = plain(wordsOf(index.tokenSetOfTerms()));
  assert.deepEqual(all, plain(index.terms).sort());
  for (const term of index.terms) assert.equal(termsOf(term)[term], 1, term);
});

test("pages matching every concept come first; a page missing more than one is left out", () => {
  const both = ranked("return offices");
  assert.deepEqual(both.slice(0, 2).sort(), ["offices/", "return/"]);
  assert.ok(both.indexOf("languages/") > 1, "a page with one of two words comes after those with both");
  assert.ok(!ranked("discrimination return offices").includes("languages/"));
});

test("a listing page comes after every document, unless its title holds the whole query", () => {
  const offices = ranked("offices");
  assert.equal(offices[0], "offices/");
  assert.equal(offices[offices.length - 1], "browse/");
  assert.deepEqual(ranked("browse")[0], "browse/");
});
