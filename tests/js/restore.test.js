// The index restore (restore.js): lunr's weights from the compact index, and a TokenSet that
// holds exactly the index's terms.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { loadEngine, fixture, plain } = require("./engine");

test("each posting weighs what lunr's own builder gives (BM25 per field, times the boost)", () => {
  const engine = loadEngine().crchSearch;
  const { payload, fieldVectors } = fixture("restore.json");
  const index = new engine.restore.Index(payload);
  const expected = new Map();  // "term index/ref" -> summed weight over the fields
  for (const [fieldRef, elements] of fieldVectors) {
    const ref = fieldRef.split("/")[1];
    for (let i = 0; i < elements.length; i += 2) {
      const key = `${index.termIndex.get(elements[i])}/${ref}`;
      expected.set(key, (expected.get(key) || 0) + elements[i + 1]);
    }
  }
  assert.ok(expected.size > 20);
  let compared = 0;
  index.terms.forEach((_, term) => {
    for (const [ref, weight] of index.posting(term).weights) {
      const lunrWeight = expected.get(`${term}/${ref}`);
      assert.ok(Math.abs(weight - lunrWeight) < 0.003 * index.fields.length, `${index.terms[term]} in ${ref}: ${weight} != ${lunrWeight}`);
      compared += 1;
    }
  });
  assert.equal(compared, expected.size);
});

test("lunr 2.3.9's own TokenSet builder loses terms of this set; buildTokenSet keeps every one", () => {
  const { terms } = JSON.parse(fs.readFileSync(path.join(__dirname, "lunr-token-set-bug.json"), "utf8"));
  const sorted = Array.from(new Set(terms)).sort();
  const lunrs = loadEngine();
  lunrs.lunr.TokenSet._nextId = 0;  // node ids from 0, as the set was found (lunr's ids only ever grow)
  const fromLunr = plain(lunrs.lunr.TokenSet.fromArray(sorted).toArray().sort());
  assert.notDeepEqual(fromLunr, sorted, "lunr builds this set right now: the control no longer shows the bug");
  const ours = plain(loadEngine().crchSearch.restore.buildTokenSet(sorted).toArray().sort());
  assert.deepEqual(ours, sorted);
});

test("restored docs: a section's location is its page's plus its anchor; extras are kept", () => {
  const { restoreDocs } = loadEngine().crchSearch.restore;
  const docs = restoreDocs([["a/", "A", { summary: "Sum", demoted: 1, tags: ["T"] }], ["#one", "One"], ["b/", "B"]]);
  assert.deepEqual(plain(docs.map(doc => [doc.location, doc.page.location, doc.demoted, doc.summary, doc.text])),
    [["a/", "a/", true, "Sum", ""], ["a/#one", "a/", false, "", ""], ["b/", "b/", false, "", ""]]);
});

test("a doc's text is in the shard whose range holds its ref, and is set from it", () => {
  const engine = loadEngine().crchSearch;
  const { payload, shards } = fixture("many-pages.json");
  const index = new engine.restore.Index(payload);
  assert.ok(shards.length > 10, "the fixture is cut into many shards");
  assert.equal(payload.textShards.starts.length, shards.length);
  index.docs.forEach(doc => {
    const shard = index.shardOf(doc.ref), start = payload.textShards.starts[shard];
    assert.ok(start <= doc.ref && doc.ref - start < shards[shard].length, `ref ${doc.ref} in shard ${shard}`);
    assert.equal(index.docs[start].page, index.docs[start], "a shard starts with a page");
  });
  assert.equal(index.shardFile(3), "texts.en.3.js");
  index.setTexts(3, shards[3]);
  const start = payload.textShards.starts[3];
  assert.equal(index.docs[start].text, shards[3][0]);
  assert.equal(index.docs[start - 1].text, "", "other shards' texts are not set");
});
